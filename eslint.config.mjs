import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'lib/db/generated/**', '.data/**', 'next-env.d.ts', 'docs/**'] },
  ...nextVitals,
  ...nextTypescript,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }],
      'import/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          'newlines-between': 'always',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
    },
  },
  {
    // Only the database module may use the generated Prisma client.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['lib/db/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/db/generated/**', '@prisma/client', '@prisma/client/*'], message: 'Import Prisma types from lib/db.' }] }],
    },
  },
  {
    // Components run in the browser: no database, no server-only modules, no app/ imports.
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/lib/db/**', '@/lib/db/**', '**/db/generated/**'], message: 'Components must not touch the database.' },
            { group: ['server-only', '**/lib/auth/session', '**/lib/auth/options', '**/lib/http/**'], message: 'Server-only module in a component.' },
            { group: ['**/app/**', '@/app/**'], message: 'Components must not import from app/.' },
          ],
        },
      ],
    },
  },
  {
    // Library code never depends on routes or pages.
    files: ['lib/**/*.ts'],
    ignores: ['lib/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/**', '@/app/**'], message: 'lib/ must not import from app/.' },
            { group: ['**/db/generated/**'], message: 'Import Prisma types from lib/db.' },
          ],
        },
      ],
    },
  },
  {
    // Nothing in app/ talks to the database directly: pages and routes call lib use cases.
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/lib/db/client', '@/lib/db/client', '**/db/generated/**', '@prisma/client'], message: 'app/ calls lib use cases, never the database.' },
          ],
        },
      ],
    },
  },
  {
    // Components and pages reach the API only through components/http/api-request.ts: one result
    // type, one message for an unreachable server, the content type every route requires.
    files: ['components/**/*.ts', 'components/**/*.tsx', 'app/**/*.ts', 'app/**/*.tsx'],
    ignores: ['components/http/api-request.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Call the API with components/http/api-request.' },
        { name: 'XMLHttpRequest', message: 'Call the API with components/http/api-request.' },
      ],
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].map((object) => ({ object, property: 'fetch', message: 'Call the API with components/http/api-request.' })),
      ],
    },
  },
];

export default config;

import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

import { COMPONENT_LIB_DOMAINS, I18N_FOUNDATION_FILES, LIB_DOMAINS } from './eslint/lib-domains.mjs';
import { USER_FACING_LITERALS } from './eslint/user-facing-literals.mjs';

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
            { group: ['server-only', '**/lib/auth/session', '**/lib/account/auth-options', '**/lib/http/**'], message: 'Server-only module in a component.' },
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
  {
    // Folder boundaries: each lib/ domain may import only the domains eslint/lib-domains.mjs lists
    // for it (a layered graph, so no cycle between folders); components import lib/ code that
    // runs in the browser; no runtime code imports the development tooling (scripts/, bench/, test/).
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    plugins: { boundaries },
    settings: {
      'boundaries/legacy-templates': false,
      'boundaries/elements': [
        ...Object.keys(LIB_DOMAINS).map((domain) => ({ type: domain, pattern: `lib/${domain}`, partialMatch: false })),
        { type: 'app', pattern: 'app', partialMatch: false },
        { type: 'components', pattern: 'components', partialMatch: false },
        { type: 'tooling', pattern: ['scripts', 'bench', 'test'], partialMatch: false },
      ],
      // The foundation of lib/i18n (eslint/lib-domains.mjs): files every domain may import.
      'boundaries/files': [{ category: 'i18n-foundation', pattern: I18N_FOUNDATION_FILES }],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '{{from.element.path}} may not import {{to.element.path}}: see the table of eslint/lib-domains.mjs and the rule in docs/architecture.md.',
          policies: [
            ...Object.entries(LIB_DOMAINS)
              .filter(([, allowed]) => allowed.length > 0)
              .map(([domain, allowed]) => ({ from: { element: { type: domain } }, allow: { to: { element: { type: [...allowed] } } } })),
            { from: { element: { type: Object.keys(LIB_DOMAINS) } }, allow: { to: { file: { categories: 'i18n-foundation' } } } },
            { from: { element: { type: 'components' } }, allow: { to: { element: { type: ['components', ...COMPONENT_LIB_DOMAINS] } } } },
            { from: { element: { type: 'app' } }, allow: { to: { element: { type: ['app', 'components', ...Object.keys(LIB_DOMAINS)] } } } },
            { from: { element: { type: 'tooling' } }, allow: { to: { element: { type: '*' } } } },
          ],
        },
      ],
    },
  },
  {
    // A new lib/ folder is declared in eslint/lib-domains.mjs before anything in it is written.
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: { 'boundaries/no-unknown-files': 'error' },
  },
  {
    // The interface speaks the reader's language: what a page or a component shows (text, and
    // labels, titles, placeholders, alternative texts) comes from the catalogues of lib/i18n
    // (docs/translating-the-interface.md). Every page and component, no exception.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: USER_FACING_LITERALS,
  },
];

export default config;

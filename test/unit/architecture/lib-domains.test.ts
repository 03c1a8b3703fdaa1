import { readdirSync } from 'node:fs';
import path from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

import { COMPONENT_LIB_DOMAINS, LIB_DOMAINS } from '../../../eslint/lib-domains.mjs';

const root = path.resolve(__dirname, '../../..');

/** A cycle of the table as a path (`a → b → … → a`), or null when it has none. */
function findCycle(table: Readonly<Record<string, readonly string[]>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (domain: string): string[] | null => {
    if (state.get(domain) === 'done') return null;
    if (state.get(domain) === 'open') return [...trail.slice(trail.indexOf(domain)), domain];
    state.set(domain, 'open');
    trail.push(domain);
    for (const next of table[domain] ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(domain, 'done');
    return null;
  };
  for (const domain of Object.keys(table)) {
    const cycle = visit(domain);
    if (cycle) return cycle;
  }
  return null;
}

describe('the table of lib/ domains', () => {
  it('finds a cycle when there is one (the check below can fail)', () => {
    expect(findCycle({ a: ['b'], b: ['c'], c: ['a'], d: [] })).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle({ a: ['b', 'c'], b: ['c'], c: [] })).toBeNull();
  });

  it('has no cycle: imports between domains point one way', () => {
    expect(findCycle(LIB_DOMAINS)).toBeNull();
  });

  it('names every folder of lib/, and only those', () => {
    const folders = readdirSync(path.join(root, 'lib'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(Object.keys(LIB_DOMAINS).sort()).toEqual(folders.sort());
  });

  it('lets each domain import only declared domains other than itself', () => {
    for (const [domain, allowed] of Object.entries(LIB_DOMAINS)) {
      expect(allowed, domain).not.toContain(domain);
      for (const target of allowed) expect(Object.keys(LIB_DOMAINS), `${domain} → ${target}`).toContain(target);
    }
    for (const domain of COMPONENT_LIB_DOMAINS) expect(Object.keys(LIB_DOMAINS)).toContain(domain);
    expect(COMPONENT_LIB_DOMAINS).not.toContain('db');
  });
});

describe('the boundaries rule of eslint.config.mjs', () => {
  // Only the boundaries rules, and without type information: the snippets are not files of the project.
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
    ruleFilter: ({ ruleId }) => ruleId.startsWith('boundaries/'),
  });

  async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
    return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
  }

  it.each([
    ['lib/segment/x.ts', "import { importWork } from '../import/import-work';", 'lib/segment may not import lib/import'],
    ['lib/segment/x.ts', "import { importWork } from '@/lib/import/import-work';", 'lib/segment may not import lib/import'],
    ['lib/notify/x.ts', "import { excerptOf } from '../discussion/mentions';", 'lib/notify may not import lib/discussion'],
    ['lib/auth/x.ts', "import { authenticateUser } from '../account/authenticate-user';", 'lib/auth may not import lib/account'],
    ['lib/discussion/x.ts', "import { decideSuggestion } from '../review/decide-suggestion';", 'lib/discussion may not import lib/review'],
    ['lib/db/x.ts', "export { diffMigrationsToSchema } from '../../scripts/schema-engine';", 'lib/db may not import scripts'],
    ['lib/review/x.ts', "import { ReviewQueue } from '../../components/review/review-queue';", 'lib/review may not import components'],
    ['components/x.tsx', "import { seedDemo } from '@/lib/demo/seed-demo';", 'components may not import lib/demo'],
  ])('refuses %s: %s', async (filePath, importLine, expected) => {
    const errors = await boundaryErrors(filePath, `${importLine}\nexport const used = 1;\n`);
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^boundaries/dependencies: ${expected}:`))]);
  });

  it.each([
    ['lib/review/x.ts', "import { loadSegmentContext } from '../segment/segment-context';"],
    ['lib/discussion/x.ts', "import { oneLineExcerpt } from '@/lib/notify/excerpt';"],
    ['lib/segment/x.ts', "import type { SegmentRow } from './build-segment-rows';"],
    ['components/x.tsx', "import { can } from '@/lib/auth/permissions';"],
    ['app/x.ts', "import { importWork } from '@/lib/import/import-work';"],
  ])('allows %s: %s', async (filePath, importLine) => {
    expect(await boundaryErrors(filePath, `${importLine}\nexport const used = 1;\n`)).toEqual([]);
  });

  it('refuses a file in a lib/ folder the table does not declare', async () => {
    const errors = await boundaryErrors('lib/undeclared/x.ts', 'export const used = 1;\n');
    expect(errors).toEqual([expect.stringMatching(/^boundaries\/no-unknown-files:/)]);
  });
}, 60_000);

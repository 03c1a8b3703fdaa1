import { readdirSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { GUARDED } from '../../lib/http/guard-marker';

const APP_DIR = path.resolve(__dirname, '../../app');
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
// next-auth's own handler authenticates by definition; it is the one route not built by defineRoute.
const EXEMPT = new Set(['api/auth/[...nextauth]/route.ts']);

function entryPoints(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entryPoints(full);
    return /^(route|actions)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('every route handler and server action is built by defineRoute / defineAction', () => {
  const files = entryPoints(APP_DIR);

  it('finds the entry points', () => {
    expect(files.some((file) => file.endsWith('route.ts'))).toBe(true);
  });

  for (const file of files) {
    const relative = path.relative(APP_DIR, file);
    if (EXEMPT.has(relative)) continue;
    it(relative, async () => {
      const exports = (await import(file)) as Record<string, unknown>;
      const isRoute = file.includes(`${path.sep}route.`);
      const handlers = Object.entries(exports).filter(([name, value]) => typeof value === 'function' && (!isRoute || HTTP_METHODS.has(name)));
      expect(handlers.length).toBeGreaterThan(0);
      for (const [name, handler] of handlers) {
        expect(GUARDED in (handler as object), `${relative} export ${name} is not wrapped`).toBe(true);
      }
    });
  }
});

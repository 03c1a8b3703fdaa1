import 'server-only';

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'components', 'lib', 'instrumentation-client.ts', 'next.config.js', 'postcss.config.mjs', 'package-lock.json'];
const FINGERPRINT_FILE = '.next/interlinear-source-fingerprint';

/** Newest modification time among the sources a production build depends on. */
function sourceFingerprint(root: string): string {
  let newest = 0;
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      if (path.basename(entry) === 'generated' || path.basename(entry) === 'node_modules') return;
      for (const child of readdirSync(entry)) visit(path.join(entry, child));
    } else if (stat.mtimeMs > newest) {
      newest = stat.mtimeMs;
    }
  };
  for (const source of SOURCES) visit(path.join(root, source));
  return String(Math.floor(newest));
}

/**
 * Runs `next build` when there is no production build or the sources changed since the last one,
 * so `npm start` works on a fresh clone and after a pull. Throws when the build fails.
 */
export function ensureBuild({ root = process.cwd(), log = (line: string) => console.log(line) } = {}): void {
  const fingerprint = sourceFingerprint(root);
  const fingerprintPath = path.join(root, FINGERPRINT_FILE);
  const isCurrent = existsSync(path.join(root, '.next/BUILD_ID')) && existsSync(fingerprintPath) && readFileSync(fingerprintPath, 'utf8') === fingerprint;
  if (isCurrent) return;
  log('Building the app (first start or changed sources; takes about a minute)…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('next build failed');
  writeFileSync(fingerprintPath, fingerprint);
}

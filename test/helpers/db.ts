import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { ensureDatabase, type DatabaseHandle } from '../../lib/db/embedded';
import { migrateDatabase } from '../../lib/db/migrate';

/**
 * The server tests run against: DATABASE_URL when set, else an embedded PostgreSQL kept apart
 * from the development data (.data/test-postgres).
 */
export async function openTestServer(): Promise<DatabaseHandle> {
  return ensureDatabase({ dataDir: '.data/test-postgres', database: 'postgres' });
}

/** A connection string to database `name` on the same server as `baseUrl`. */
function urlForDatabase(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates a new, empty, migrated database on the server of `baseUrl` and returns its URL and a
 * function that drops it. Tests never touch the development database.
 */
export async function createScratchDatabase(baseUrl: string, { isMigrated = true, prefix = 'interlinear_test' } = {}): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await withAdmin(baseUrl, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  const url = urlForDatabase(baseUrl, name);
  if (isMigrated) await migrateDatabase(url);
  return {
    url,
    name,
    drop: () => withAdmin(baseUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(baseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlForDatabase(baseUrl, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Points this test file's lib calls (getDb) at a scratch database of its own for the duration of
 * a describe block: for tests that need an empty database, such as "the first account".
 */
export function useScratchDatabase(hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void }): void {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
  let originalUrl: string | undefined;
  hooks.beforeAll(async () => {
    const { disconnectDb } = await import('../../lib/db/client');
    originalUrl = process.env.DATABASE_URL;
    scratch = await createScratchDatabase(originalUrl as string);
    await disconnectDb();
    process.env.DATABASE_URL = scratch.url;
  });
  hooks.afterAll(async () => {
    const { disconnectDb } = await import('../../lib/db/client');
    await disconnectDb();
    process.env.DATABASE_URL = originalUrl;
    await scratch?.drop();
  });
}

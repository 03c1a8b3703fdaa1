import 'server-only';

import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

import { PrismaClient, Prisma } from './generated/client';
import { databasePoolOptions } from './pool-options';

// The namespace is a value too: `Prisma.raw` / `Prisma.sql` build SQL fragments (lib/auth/scope.ts).
export { Prisma };
export * from './generated/enums';

function createPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool(databasePoolOptions(connectionString));
  // An idle connection that the server closes (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (error) => console.error('[db] idle connection lost:', error.message));
  return pool;
}

function createClient(pool: pg.Pool) {
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    // Secrets never leave the database layer unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

export type DbClient = ReturnType<typeof createClient>;
/** A client or a transaction client: every lib function accepts one so use cases compose in one transaction. */
export type Db = DbClient | Prisma.TransactionClient;

// The pool is kept beside the client: Prisma does not end a pool it was handed (disconnectDb()
// does), and the custom server and the Next.js bundle each load this module but share globalThis.
const globalForDb = globalThis as unknown as { interlinearDb?: { url: string; client: DbClient; pool: pg.Pool } };

/**
 * The shared Prisma client for `DATABASE_URL`, memoised on `globalThis` so dev reloads and the
 * custom server share one pool. Throws when no database has been configured or started.
 */
export function getDb(): DbClient {
  return shared().client;
}

function shared(): { url: string; client: DbClient; pool: pg.Pool } {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which starts an embedded PostgreSQL.');
  const cached = globalForDb.interlinearDb;
  if (cached && cached.url === url) return cached;
  const pool = createPool(url);
  globalForDb.interlinearDb = { url, client: createClient(pool), pool };
  return globalForDb.interlinearDb;
}

/**
 * The `pg` pool behind the shared client, for the few libraries that speak to PostgreSQL
 * themselves (the rate limiter's store, lib/auth/rate-limiter.ts): one pool per process.
 */
export function getPool(): pg.Pool {
  return shared().pool;
}

/** Closes the shared client (CLIs and tests call this before exiting). */
export async function disconnectDb(): Promise<void> {
  const cached = globalForDb.interlinearDb;
  globalForDb.interlinearDb = undefined;
  if (cached) {
    await cached.client.$disconnect();
    await cached.pool.end();
  }
}

/** Runs `fn` in one transaction on `db`, or joins the transaction `db` already is. */
export async function withTransaction<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>, options?: { timeoutMs?: number }): Promise<T> {
  if ('$transaction' in db) {
    return db.$transaction(fn, { timeout: options?.timeoutMs ?? 30_000, maxWait: 10_000 });
  }
  return fn(db);
}

import 'server-only';

import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

import { PrismaClient, Prisma } from './generated/client';
import { databasePoolOptions } from './pool-options';
import { getEnv } from '../config/env';

// The namespace is a value too: `Prisma.raw` / `Prisma.sql` build SQL fragments (lib/auth/scope.ts).
export { Prisma };
export * from './generated/enums';

function createPool(connectionString: string, extra: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({ ...databasePoolOptions(connectionString), ...extra });
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
interface SharedClient {
  url: string;
  client: DbClient;
  pool: pg.Pool;
}
const globalForDb = globalThis as unknown as { interlinearDb?: SharedClient; interlinearReadDb?: SharedClient };

/**
 * The shared Prisma client for `DATABASE_URL`, memoised on `globalThis` so dev reloads and the
 * custom server share one pool. Throws when no database has been configured or started.
 */
export function getDb(): DbClient {
  return shared().client;
}

function shared(): SharedClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which starts an embedded PostgreSQL.');
  const cached = globalForDb.interlinearDb;
  if (cached && cached.url === url) return cached;
  const pool = createPool(url);
  globalForDb.interlinearDb = { url, client: createClient(pool), pool };
  return globalForDb.interlinearDb;
}

/**
 * The client for reads that may lag behind the primary by the replication delay: library search,
 * concordance, translation-memory lookups and the public read API (docs/architecture.md, "A read
 * replica"). It connects to `READ_DATABASE_URL` (a streaming replica) when that is set, and is
 * the primary's client ({@link getDb}) otherwise. Its sessions are read-only
 * (`default_transaction_read_only`), so a write sent through it fails even if the URL names a
 * writable server. Never use it for what the actor has just changed (the editor, review, history)
 * nor for anything a write is decided on: those read the primary.
 */
export function getReadDb(): DbClient {
  const url = getEnv().READ_DATABASE_URL;
  if (url === undefined || url === process.env.DATABASE_URL) return getDb();
  const cached = globalForDb.interlinearReadDb;
  if (cached && cached.url === url) return cached.client;
  const pool = createPool(readOnlyUrl(url));
  globalForDb.interlinearReadDb = { url, client: createClient(pool), pool };
  return globalForDb.interlinearReadDb.client;
}

/**
 * `url` with `-c default_transaction_read_only=on` appended to its `options` parameter. `pg` lets
 * the connection string's parameters win over the pool's own settings, so the flag goes into the
 * URL, after whatever `options` it already names: the last `-c` of a setting wins.
 */
function readOnlyUrl(url: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options')?.trim();
  parsed.searchParams.set('options', [options, '-c default_transaction_read_only=on'].filter(Boolean).join(' '));
  return parsed.toString();
}

/**
 * The `pg` pool behind the shared client, for the few libraries that speak to PostgreSQL
 * themselves (the rate limiter's store, lib/auth/rate-limiter.ts): one pool per process.
 */
export function getPool(): pg.Pool {
  return shared().pool;
}

/** Closes the shared clients, the primary's and the read replica's (CLIs and tests call this before exiting). */
export async function disconnectDb(): Promise<void> {
  const cached = [globalForDb.interlinearDb, globalForDb.interlinearReadDb];
  globalForDb.interlinearDb = undefined;
  globalForDb.interlinearReadDb = undefined;
  for (const entry of cached) {
    if (!entry) continue;
    await entry.client.$disconnect();
    await entry.pool.end();
  }
}

/** Runs `fn` in one transaction on `db`, or joins the transaction `db` already is. */
export async function withTransaction<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>, options?: { timeoutMs?: number }): Promise<T> {
  if ('$transaction' in db) {
    return db.$transaction(fn, { timeout: options?.timeoutMs ?? 30_000, maxWait: 10_000 });
  }
  return fn(db);
}

import 'server-only';

import type pg from 'pg';

import { DATABASE_TIMEOUTS } from '../config/limits';

/**
 * Options of every connection pool the app opens: the time limits of {@link DATABASE_TIMEOUTS}
 * set on each session, so no request waits on the database forever.
 */
export function databasePoolOptions(connectionString: string, { max = 10 }: { max?: number } = {}): pg.PoolConfig {
  return {
    connectionString,
    max,
    connectionTimeoutMillis: DATABASE_TIMEOUTS.connectMs,
    query_timeout: DATABASE_TIMEOUTS.queryMs,
    statement_timeout: DATABASE_TIMEOUTS.statementMs,
    lock_timeout: DATABASE_TIMEOUTS.lockMs,
    idle_in_transaction_session_timeout: DATABASE_TIMEOUTS.idleInTransactionMs,
  };
}

import 'server-only';

/**
 * SQLSTATEs that mean "the database cannot serve this now", not "this request is wrong":
 * statement and lock timeouts, the server shutting down or starting, too many connections, and
 * the connection-exception class (08…).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57014', '55P03', '57P01', '57P02', '57P03', '53300', '53400']);

/**
 * Prisma's codes for the same: cannot reach the server, timed out, server closed the connection,
 * no free connection in the pool in time, a transaction that could not start or ran out of time.
 */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);

/**
 * What the pg driver says when the server does not answer or the connection drops, and what a
 * read replica says when it cancels a query that conflicts with the changes it replays (SQLSTATE
 * 40001, which on the primary means a serialization failure, so the message is what tells them apart).
 */
const UNAVAILABLE_MESSAGE = /conflict with recovery|Query read timeout|Connection terminated|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|ETIMEDOUT|Can't reach database server|Client has encountered a connection error|Transaction already closed|Unable to start a transaction in the given time/i;

/**
 * True when `error` says the database is unreachable, too slow or too busy (so the request may
 * succeed later and the answer is 503), read from Prisma's error code, the SQLSTATE its driver
 * adapter reports, or the pg driver's message, through `cause` chains.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, message, meta, cause } = error as { code?: unknown; message?: unknown; meta?: unknown; cause?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
  const sqlState = (meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined)?.driverAdapterError?.cause?.originalCode;
  if (typeof sqlState === 'string' && (UNAVAILABLE_SQLSTATES.has(sqlState) || sqlState.startsWith('08'))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

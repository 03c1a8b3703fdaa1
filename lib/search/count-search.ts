import 'server-only';

import { counter, counterKey, countAttempt } from '../auth/rate-limiter';
import { SEARCH_RATE_LIMIT } from '../config/limits';
import { AppError } from '../errors/app-error';

/**
 * Counts one full-text search against its client address: library search and the translation
 * memory's concordance share the one limit ({@link SEARCH_RATE_LIMIT} a minute, kept in
 * PostgreSQL), since both rank every match of a word through the same indexes. Call it only for a
 * query with something to search for. Throws RATE_LIMITED (with `retryAfterSeconds`, sent as
 * Retry-After) past the limit.
 */
export async function countSearch({ clientAddress }: { clientAddress: string }): Promise<void> {
  const allowed = await countAttempt(counter({ name: 'search', ...SEARCH_RATE_LIMIT }), counterKey('search', clientAddress));
  if (!allowed.isAllowed) {
    throw new AppError('RATE_LIMITED', 'search.tooMany', { values: { retryAfterSeconds: allowed.retryAfterSeconds }, details: { retryAfterSeconds: allowed.retryAfterSeconds } });
  }
}

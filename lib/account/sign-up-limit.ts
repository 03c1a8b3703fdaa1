import 'server-only';

import { formatWait } from './sign-in-error';
import { counter, counterKey, countAttempt, uncountAttempt } from '../auth/rate-limiter';
import { SIGN_UP_LIMITS } from '../config/limits';
import { AppError } from '../errors/app-error';

/**
 * Counts a sign-up attempt from `clientAddress` against SIGN_UP_LIMITS (every window must have
 * room; an attempt refused by a later window is taken back from the earlier ones). Each count is
 * atomic, so sign-ups sent in parallel cannot exceed a limit. Throws RATE_LIMITED with
 * `retryAfterSeconds`.
 */
export async function countSignUpAttempt({ clientAddress }: { clientAddress: string }): Promise<void> {
  const key = counterKey('address', clientAddress);
  const counted: ReturnType<typeof counter>[] = [];
  for (const limit of SIGN_UP_LIMITS) {
    const limiter = counter({ name: `sign-up-${limit.windowSeconds}s`, points: limit.max, windowSeconds: limit.windowSeconds });
    const result = await countAttempt(limiter, key);
    if (!result.isAllowed) {
      await Promise.all(counted.map((earlier) => uncountAttempt(earlier, key)));
      throw new AppError(
        'RATE_LIMITED',
        `Too many accounts have been created from your network; try again in ${formatWait(result.retryAfterSeconds)}.`,
        { retryAfterSeconds: result.retryAfterSeconds },
      );
    }
    counted.push(limiter);
  }
}

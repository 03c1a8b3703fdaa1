import 'server-only';

import { counter, counterKey, countAttempt, uncountAttempt } from '../auth/rate-limiter';
import { SIGN_UP_LIMITS } from '../config/limits';
import { AppError } from '../errors/app-error';
import { waitSeconds } from '../errors/error-text';

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
      throw new AppError('RATE_LIMITED', 'account.signUpLimit', { values: { wait: waitSeconds(result.retryAfterSeconds) }, details: { retryAfterSeconds: result.retryAfterSeconds } });
    }
    counted.push(limiter);
  }
}

import 'server-only';

import { counterKey, countAttemptInWindows } from '../auth/rate-limiter';
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
  const result = await countAttemptInWindows('sign-up', SIGN_UP_LIMITS, counterKey('address', clientAddress));
  if (!result.isAllowed) {
    throw new AppError('RATE_LIMITED', 'account.signUpLimit', { values: { wait: waitSeconds(result.retryAfterSeconds) }, details: { retryAfterSeconds: result.retryAfterSeconds } });
  }
}

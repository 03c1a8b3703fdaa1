import 'server-only';

import { counter, counterKey, countAttempt, uncountAttempt } from '../auth/rate-limiter';
import { INVITATION_LIMITS } from '../config/limits';
import { AppError } from '../errors/app-error';

/**
 * Counts an invitation link opened or accepted from `clientAddress` against INVITATION_LIMITS,
 * as sign-ups are counted (every window must have room; an attempt refused by a later window is
 * taken back from the earlier ones). Throws RATE_LIMITED with `retryAfterSeconds`.
 */
export async function countInvitationAttempt({ clientAddress }: { clientAddress: string }): Promise<void> {
  const key = counterKey('address', clientAddress);
  const counted: ReturnType<typeof counter>[] = [];
  for (const limit of INVITATION_LIMITS) {
    const limiter = counter({ name: `invitation-${limit.windowSeconds}s`, points: limit.max, windowSeconds: limit.windowSeconds });
    const result = await countAttempt(limiter, key);
    if (!result.isAllowed) {
      await Promise.all(counted.map((earlier) => uncountAttempt(earlier, key)));
      throw new AppError('RATE_LIMITED', 'invitation.tooManyOpened', { details: { retryAfterSeconds: result.retryAfterSeconds } });
    }
    counted.push(limiter);
  }
}

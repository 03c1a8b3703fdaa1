import 'server-only';

import { counterKey, countAttemptInWindows } from '../auth/rate-limiter';
import { INVITATION_LIMITS } from '../config/limits';
import { AppError } from '../errors/app-error';
import { waitSeconds } from '../errors/error-text';

/**
 * Counts an invitation link opened or accepted from `clientAddress` against INVITATION_LIMITS,
 * as sign-ups are counted (every window must have room; an attempt refused by a later window is
 * taken back from the earlier ones). Throws RATE_LIMITED with `retryAfterSeconds`.
 */
export async function countInvitationAttempt({ clientAddress }: { clientAddress: string }): Promise<void> {
  const result = await countAttemptInWindows('invitation', INVITATION_LIMITS, counterKey('address', clientAddress));
  if (!result.isAllowed) throw new AppError('RATE_LIMITED', 'invitation.tooManyOpened', { values: { wait: waitSeconds(result.retryAfterSeconds) }, details: { retryAfterSeconds: result.retryAfterSeconds } });
}

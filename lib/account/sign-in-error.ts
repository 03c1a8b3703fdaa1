/**
 * How a refused sign-in reaches the sign-in form. next-auth passes only a string from the
 * credentials provider to the browser (the message of what `authorize` throws, as
 * `signIn(…, { redirect: false })`'s `error`): a throttled attempt is `RateLimited:<seconds>`.
 * Pure; used by the server and the form.
 */

/** The error next-auth reports for a wrong e-mail or password (`authorize` returned null). */
const WRONG_CREDENTIALS = 'CredentialsSignin';

/** The error of a sign-in that failed on the server's side (the cause is logged, never sent). */
export const SIGN_IN_FAILED = 'SignInFailed';

const RATE_LIMITED = 'RateLimited';

/** The error string of a sign-in refused by the rate limits, with the wait in seconds. */
export function rateLimitedSignInError(retryAfterSeconds: number): string {
  return `${RATE_LIMITED}:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** The wait of a rate-limited sign-in's error string; null for any other error. */
function retryAfterOfSignInError(error: string | null | undefined): number | null {
  const match = /^RateLimited(?::(\d{1,9}))?$/.exec(error ?? '');
  if (!match) return null;
  return match[1] ? Number(match[1]) : 60;
}

/** Why a sign-in was refused, for the form to say in the reader's language. */
export type SignInRefusal =
  | { kind: 'rateLimited'; wait: { amount: number; unit: 'second' | 'minute' | 'hour' } }
  | { kind: 'wrongCredentials' }
  | { kind: 'failed' };

/** What next-auth's `error` string means. */
export function signInErrorOf(error: string | null | undefined): SignInRefusal {
  const retryAfter = retryAfterOfSignInError(error);
  if (retryAfter !== null) return { kind: 'rateLimited', wait: waitOf(retryAfter) };
  if (error === WRONG_CREDENTIALS) return { kind: 'wrongCredentials' };
  return { kind: 'failed' };
}

/** A wait in the largest unit under which it stays, rounded up: 40 seconds, 7 minutes, 3 hours. */
export function waitOf(seconds: number): { amount: number; unit: 'second' | 'minute' | 'hour' } {
  if (seconds < 60) return { amount: Math.ceil(seconds), unit: 'second' };
  if (seconds < 3600) return { amount: Math.ceil(seconds / 60), unit: 'minute' };
  return { amount: Math.ceil(seconds / 3600), unit: 'hour' };
}

/** The sentence (in English) for next-auth's `error`: server logs and API clients. */
export function signInErrorMessage(error: string | null | undefined): string {
  const retryAfter = retryAfterOfSignInError(error);
  if (retryAfter !== null) return `Too many attempts; try again in ${formatWait(retryAfter)}.`;
  if (error === WRONG_CREDENTIALS) return 'The e-mail or the password is wrong. Check both and try again.';
  return 'Signing in failed. Please try again in a moment.';
}

/** "40 seconds", "7 minutes", "3 hours", rounded up. */
export function formatWait(seconds: number): string {
  const { amount, unit } = waitOf(seconds);
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

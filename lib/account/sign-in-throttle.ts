import 'server-only';

import { BackOffLimit, counter, counterKey } from '../auth/rate-limiter';
import { KNOWN_ADDRESS_SECONDS, SIGN_IN_BACK_OFF, SIGN_IN_LIMITS } from '../config/limits';
import { AppError } from '../errors/app-error';
import { waitSeconds } from '../errors/error-text';

/**
 * A counted sign-in attempt. It stays counted as a failure unless `succeeded` is called: the
 * password was right, so this account's failures from this address are forgotten.
 */
export interface SignInAttempt {
  succeeded(): Promise<void>;
}

const limits = () => ({
  pair: new BackOffLimit('sign-in-account-address', SIGN_IN_LIMITS.perAccountAndAddress, SIGN_IN_BACK_OFF),
  account: new BackOffLimit('sign-in-account', SIGN_IN_LIMITS.perAccount, SIGN_IN_BACK_OFF),
  address: new BackOffLimit('sign-in-address', SIGN_IN_LIMITS.perAddress, SIGN_IN_BACK_OFF),
  knownAddresses: counter({ name: 'sign-in-known-address', points: 1, windowSeconds: KNOWN_ADDRESS_SECONDS }),
});

/**
 * Counts a sign-in attempt on `email` from `clientAddress` against the sign-in limits
 * (SIGN_IN_LIMITS, with SIGN_IN_BACK_OFF) before the password is checked, so that attempts sent
 * in parallel are all counted and those past a limit are never checked. Three counts, after
 * OWASP's and django-axes' practice: failures on the account from this address (reset when the
 * right password is given there, so its owner is never kept out by their own typos); failures
 * on the account from every address (not applied to an address the account signed in from in
 * the last KNOWN_ADDRESS_SECONDS, so an attack from elsewhere cannot lock its owner out); and
 * failures from the address on every account. A refused attempt is taken back from the counts
 * it had already passed. The e-mail need not belong to an account: unknown ones are counted
 * alike, so refusals say nothing about which e-mails are registered.
 * Throws RATE_LIMITED with `retryAfterSeconds`.
 */
export async function countSignInAttempt({ email, clientAddress }: { email: string; clientAddress: string }): Promise<SignInAttempt> {
  const { pair, account, address, knownAddresses } = limits();
  const pairKey = counterKey('account-address', email, clientAddress);
  const accountKey = counterKey('account', email);
  const addressKey = counterKey('address', clientAddress);
  const isKnownAddress = (await knownAddresses.get(pairKey)) !== null;

  const refuse = (retryAfterSeconds: number) =>
    new AppError('RATE_LIMITED', 'account.tooManyAttempts', { values: { wait: waitSeconds(retryAfterSeconds) }, details: { retryAfterSeconds } });
  const byPair = await pair.count(pairKey);
  if (!byPair.isAllowed) throw refuse(byPair.retryAfterSeconds);
  const byAddress = await address.count(addressKey);
  if (!byAddress.isAllowed) {
    await pair.uncount(pairKey);
    throw refuse(byAddress.retryAfterSeconds);
  }
  if (!isKnownAddress) {
    const byAccount = await account.count(accountKey);
    if (!byAccount.isAllowed) {
      await Promise.all([pair.uncount(pairKey), address.uncount(addressKey)]);
      throw refuse(byAccount.retryAfterSeconds);
    }
  }

  return {
    async succeeded() {
      await Promise.all([
        pair.reset(pairKey),
        address.uncount(addressKey),
        isKnownAddress ? Promise.resolve() : account.uncount(accountKey),
        knownAddresses.set(pairKey, 1, KNOWN_ADDRESS_SECONDS),
      ]);
    },
  };
}

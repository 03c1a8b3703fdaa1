import 'server-only';

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { actorUserId, type Actor } from '../auth/permissions';
import { getEnv } from '../config/env';
import { REPORT_FORM_MAX_AGE_MS, REPORT_MIN_FILL_MS } from '../config/limits';

/**
 * Keys for the report form's spam trap and for the reporter keys of anonymous readers, derived
 * from the app's secret (NEXTAUTH_SECRET) with a purpose label, so neither can be computed or
 * forged by anyone who does not hold it, and neither reveals the secret.
 */
function keyFor(purpose: 'report-form' | 'reporter-key'): Buffer {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set: start the app with `npm start`.');
  return createHmac('sha256', secret).update(`interlinear:${purpose}`).digest();
}

/**
 * The key a reporter's reports are counted under for rate limiting: the account for signed-in
 * readers; for anonymous ones a salted SHA-256 (HMAC) of their network address, so the address
 * itself is never stored and the key cannot be reversed by trying every address.
 */
export function reporterKeyFor({ actor, address }: { actor: Actor; address: string }): string {
  const userId = actorUserId(actor);
  if (userId) return `user:${userId}`;
  return `addr:${createHash('sha256').update(keyFor('reporter-key')).update(address).digest('hex')}`;
}

/** A signed record of the moment a report form was shown: `issuedAtMs.nonce.signature`. */
export function issueReportFormToken({ now = new Date() }: { now?: Date } = {}): string {
  const payload = `${now.getTime()}.${randomBytes(9).toString('base64url')}`;
  return `${payload}.${sign(payload)}`;
}

/**
 * What a form token says: `valid`; `too-fast` (sent sooner than a person could); `expired` (the
 * form was left open too long); `forged` (missing, malformed, badly signed or from the future).
 */
export type ReportFormCheck = 'valid' | 'too-fast' | 'expired' | 'forged';

export function checkReportFormToken({ token, now = new Date() }: { token: string; now?: Date }): ReportFormCheck {
  const [issuedAt, nonce, signature, ...rest] = token.split('.');
  if (!issuedAt || !nonce || !signature || rest.length > 0 || !/^\d{1,15}$/.test(issuedAt)) return 'forged';
  const expected = Buffer.from(sign(`${issuedAt}.${nonce}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  const age = now.getTime() - Number(issuedAt);
  // A little slack for the clocks of several app processes.
  if (age < -60_000) return 'forged';
  if (age < REPORT_MIN_FILL_MS) return 'too-fast';
  if (age > REPORT_FORM_MAX_AGE_MS) return 'expired';
  return 'valid';
}

function sign(payload: string): string {
  return createHmac('sha256', keyFor('report-form')).update(payload).digest('base64url');
}

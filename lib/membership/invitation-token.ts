import 'server-only';

import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret of an invitation link: 32 random bytes in base64url. Only its SHA-256 is stored, so
 * a copy of the database opens no collection; the link itself is shown once, to whoever made it.
 */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

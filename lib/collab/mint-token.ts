import 'server-only';

import { COLLAB_TOKEN_TTL_MS, signCollabToken } from './token';
import { actorUserId, type Actor } from '../auth/permissions';
import { getEnv } from '../config/env';

export interface CollabTicket {
  token: string;
  expiresAt: number;
  /** WebSocket URL of the collaboration server; null: `/collab` on the app's own origin. */
  url: string | null;
}

/**
 * A collaboration token for the actor of a request (guests get one that opens documents
 * read-only). It carries the session version the actor was loaded with: the actor of a request
 * whose session has ended is a guest already, and a token minted just before the session ended
 * is refused by the collaboration server.
 */
export function mintCollabTicket(actor: Actor, now = Date.now()): CollabTicket {
  const env = getEnv();
  if (!env.NEXTAUTH_SECRET) throw new Error('NEXTAUTH_SECRET is not set: start the app with `npm start`.');
  const token = signCollabToken({ userId: actorUserId(actor), sessionVersion: actor.kind === 'user' ? actor.sessionVersion : null, secret: env.NEXTAUTH_SECRET, now });
  return { token, expiresAt: now + COLLAB_TOKEN_TTL_MS, url: env.COLLAB_URL ?? null };
}

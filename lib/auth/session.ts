import 'server-only';

import { cookies } from 'next/headers';
import { cache } from 'react';

import { loadSessionActor } from './load-session-actor';
import type { Actor } from './permissions';
import { readSessionToken } from './session-token';

/**
 * The actor of the current request (pages, server actions): the signed-in user, re-read from the
 * database (so revoked roles, disabled accounts and ended sessions take effect at once), or
 * anonymous. Memoised per request.
 */
export const getActor = cache(async (): Promise<Actor> => {
  const token = await readSessionToken(await cookies());
  return loadSessionActor({ token });
});

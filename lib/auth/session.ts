import 'server-only';

import { getServerSession } from 'next-auth';
import { cache } from 'react';

import { loadActor } from './load-actor';
import { authOptions } from './options';
import { ANONYMOUS, type Actor } from './permissions';

/**
 * The actor of the current request: the signed-in user, re-read from the database (so revoked
 * roles and disabled accounts take effect at once), or anonymous. Memoised per request.
 */
export const getActor = cache(async (): Promise<Actor> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return ANONYMOUS;
  return loadActor({ userId });
});

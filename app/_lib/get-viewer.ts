import 'server-only';

import { cache } from 'react';

import type { Viewer } from '@/components/layout/viewer';
import { canSomewhere } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { countUnreadNotifications } from '@/lib/notify/count-unread-notifications';

/**
 * The signed-in user as the layout shows them (name, what the header may offer, unread
 * notifications), or null. Memoised per request: the layout and a page may both ask.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const actor = await getActor();
  if (actor.kind !== 'user') return null;
  return {
    name: actor.name,
    email: actor.email,
    canImport: canSomewhere(actor, 'work.import'),
    canManageMembers: canSomewhere(actor, 'collection.manageMembers'),
    canReview: canSomewhere(actor, 'suggestion.review'),
    unreadNotifications: await countUnreadNotifications({ actor }),
  };
});

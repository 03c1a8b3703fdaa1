import 'server-only';

import type { Viewer } from '@/components/layout/viewer';
import { canSomewhere } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';

/** The signed-in user as the layout shows them (name and what the header may offer), or null. */
export async function getViewer(): Promise<Viewer | null> {
  const actor = await getActor();
  if (actor.kind !== 'user') return null;
  return { name: actor.name, email: actor.email, canImport: canSomewhere(actor, 'work.import'), canManageMembers: canSomewhere(actor, 'collection.manageMembers') };
}

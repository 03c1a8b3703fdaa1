import 'server-only';

import { can, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

/** The steps of a new site's first run, in order. */
export const GETTING_STARTED_STEPS = ['collection', 'text', 'invite', 'reviewRules'] as const;
export type GettingStartedStep = (typeof GETTING_STARTED_STEPS)[number];

export interface GettingStarted {
  /** Each step and whether the database shows it done. */
  steps: { step: GettingStartedStep; isDone: boolean }[];
  /** The collection the steps' links lead to: the first one made (the demo's, on a site that kept it); null when there is none. */
  collection: { id: string; title: string } | null;
  isDismissed: boolean;
}

/**
 * The getting-started checklist of a site administrator, derived from the database alone: a
 * collection exists (the demo's counts); a work exists (an imported one or the demo's, kept);
 * an invitation link was made; some collection's review rules were saved. Null for anyone who is
 * not a site administrator (`collection.create`).
 */
export async function findGettingStarted({ actor, db = getDb() }: { actor: Actor; db?: Db }): Promise<GettingStarted | null> {
  if (actor.kind !== 'user' || !can(actor, 'collection.create')) return null;
  const [collection, workCount, invitationCount, rulesCount, user] = await Promise.all([
    db.collection.findFirst({ orderBy: { createdAt: 'asc' }, select: { id: true, title: true } }),
    db.work.count(),
    db.collectionInvitation.count(),
    db.auditEvent.count({ where: { type: 'collection.review_rules_changed' } }),
    db.user.findUnique({ where: { id: actor.id }, select: { gettingStartedDismissedAt: true } }),
  ]);
  return {
    steps: [
      { step: 'collection', isDone: collection !== null },
      { step: 'text', isDone: workCount > 0 },
      { step: 'invite', isDone: invitationCount > 0 },
      { step: 'reviewRules', isDone: rulesCount > 0 },
    ],
    collection,
    isDismissed: Boolean(user?.gettingStartedDismissedAt),
  };
}

/** Puts the checklist away for this administrator (`isDismissed: false` brings it back). */
export async function dismissGettingStarted({ actor, isDismissed, now = new Date(), db = getDb() }: { actor: Actor; isDismissed: boolean; now?: Date; db?: Db }): Promise<void> {
  if (actor.kind !== 'user' || !can(actor, 'collection.create')) return;
  await db.user.update({ where: { id: actor.id }, data: { gettingStartedDismissedAt: isDismissed ? now : null } });
}

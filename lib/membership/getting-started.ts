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
 * not a site administrator (`collection.create`). Read on every render of /admin: one query, and
 * each step asks only whether a row exists (an index probe), never how many.
 */
export async function findGettingStarted({ actor, db = getDb() }: { actor: Actor; db?: Db }): Promise<GettingStarted | null> {
  if (actor.kind !== 'user' || !can(actor, 'collection.create')) return null;
  const [row] = await db.$queryRaw<{ collectionId: string | null; collectionTitle: string | null; hasWork: boolean; hasInvitation: boolean; hasRules: boolean; isDismissed: boolean }[]>`
    SELECT first.id AS "collectionId", first.title AS "collectionTitle",
           EXISTS (SELECT 1 FROM work) AS "hasWork",
           EXISTS (SELECT 1 FROM collection_invitation) AS "hasInvitation",
           EXISTS (SELECT 1 FROM audit_event WHERE type = 'collection.review_rules_changed') AS "hasRules",
           EXISTS (SELECT 1 FROM "user" WHERE id = ${actor.id}::uuid AND getting_started_dismissed_at IS NOT NULL) AS "isDismissed"
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT id, title FROM collection ORDER BY created_at ASC LIMIT 1) AS first ON true`;
  const collection = row?.collectionId && row.collectionTitle !== null ? { id: row.collectionId, title: row.collectionTitle } : null;
  return {
    steps: [
      { step: 'collection', isDone: collection !== null },
      { step: 'text', isDone: Boolean(row?.hasWork) },
      { step: 'invite', isDone: Boolean(row?.hasInvitation) },
      { step: 'reviewRules', isDone: Boolean(row?.hasRules) },
    ],
    collection,
    isDismissed: Boolean(row?.isDismissed),
  };
}

/** Puts the checklist away for this administrator (`isDismissed: false` brings it back). */
export async function dismissGettingStarted({ actor, isDismissed, now = new Date(), db = getDb() }: { actor: Actor; isDismissed: boolean; now?: Date; db?: Db }): Promise<void> {
  if (actor.kind !== 'user' || !can(actor, 'collection.create')) return;
  await db.user.update({ where: { id: actor.id }, data: { gettingStartedDismissedAt: isDismissed ? now : null } });
}

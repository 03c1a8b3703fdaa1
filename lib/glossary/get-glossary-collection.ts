import 'server-only';

import { assertCollection } from './glossary-rows';
import { assertCan, can, type Actor } from '../auth/permissions';
import { getReadDb, type Db } from '../db/client';

/** A language pair of a collection's glossary, with its approved terms (0 for a pair of its works with no term yet). */
export interface GlossaryPairSummary {
  sourceLanguage: string;
  targetLanguage: string;
  terms: number;
}

export interface GlossaryCollection {
  id: string;
  title: string;
  slug: string;
  /** The pairs with terms, and the pairs the collection's works are translated in. */
  pairs: GlossaryPairSummary[];
  abilities: { canPropose: boolean; canManage: boolean };
}

/**
 * A collection's glossary as its page opens: the language pairs (those with terms, and each
 * work's source language with each language it is translated into, the pairs most used first),
 * and what the viewer may do (the proposals waiting are listed by findGlossaryProposals). Throws
 * NOT_FOUND (no such collection).
 */
export async function getGlossaryCollection({ actor, collectionId, db = getReadDb() }: { actor: Actor; collectionId: string; db?: Db }): Promise<GlossaryCollection> {
  const collection = await assertCollection(db, collectionId);
  assertCan(actor, 'glossary.read', { collectionId });
  const canManage = can(actor, 'glossary.manage', { collectionId });
  const pairs = await db.$queryRaw<{ source_language: string; target_language: string; terms: number; works: number }[]>`
    SELECT source_language, target_language, sum(terms)::int AS terms, sum(works)::int AS works FROM (
      SELECT source_language, target_language, count(*) AS terms, 0 AS works
        FROM glossary_term WHERE collection_id = ${collectionId}::uuid AND state = 'APPROVED'
       GROUP BY 1, 2
      UNION ALL
      SELECT w.source_language, wl.language, 0, count(*)
        FROM work w JOIN work_language wl ON wl.work_id = w.id AND wl.language <> w.source_language
       WHERE w.collection_id = ${collectionId}::uuid
       GROUP BY 1, 2) x
     GROUP BY 1, 2
     ORDER BY sum(terms) DESC, sum(works) DESC, 1, 2`;
  return {
    ...collection,
    pairs: pairs.map((row) => ({ sourceLanguage: row.source_language, targetLanguage: row.target_language, terms: row.terms })),
    abilities: { canPropose: can(actor, 'glossary.propose', { collectionId }), canManage },
  };
}

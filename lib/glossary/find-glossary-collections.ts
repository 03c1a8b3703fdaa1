import 'server-only';

import { assertCan, type Actor } from '../auth/permissions';
import { getReadDb, type Db } from '../db/client';

/** A collection as the glossary's chooser lists it. */
export interface GlossaryCollectionChoice {
  id: string;
  title: string;
  /** Its approved terms, all pairs together. */
  terms: number;
}

/** Every collection with the number of its glossary's approved terms, by title: where the glossary page starts. */
export async function findGlossaryCollections({ actor, db = getReadDb() }: { actor: Actor; db?: Db }): Promise<GlossaryCollectionChoice[]> {
  assertCan(actor, 'glossary.read');
  // Every collection is public today; a private one narrows this in one place.
  const rows = await db.$queryRaw<{ id: string; title: string; terms: number }[]>`
    SELECT c.id, c.title, (SELECT count(*) FROM glossary_term t WHERE t.collection_id = c.id AND t.state = 'APPROVED')::int AS terms
      FROM collection c
     ORDER BY c.title, c.id`;
  return rows;
}

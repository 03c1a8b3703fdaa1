import 'server-only';

import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

export interface ConcordanceLanguages {
  /** Languages the library has texts in (originals and translations), for the form's choices. */
  languages: string[];
  /** The pair most of the library's translations are in (originals' language → translation), or null for a library with none. */
  usualPair: { source: string; target: string } | null;
}

/**
 * What the concordance form offers: the library's languages, and the pair it starts with when
 * none was chosen (the one with the most translated works). Throws UNAUTHENTICATED / FORBIDDEN
 * when the actor may not read works.
 */
export async function findConcordanceLanguages({ actor, db = getDb() }: { actor: Actor; db?: Db }): Promise<ConcordanceLanguages> {
  assertCan(actor, 'work.read');
  const [languages, pairs] = await Promise.all([
    db.workLanguage.findMany({ distinct: ['language'], orderBy: { language: 'asc' }, select: { language: true } }),
    db.$queryRaw<{ source: string; target: string }[]>`
      SELECT w.source_language AS source, wl.language AS target
        FROM work_language wl JOIN work w ON w.id = wl.work_id
       WHERE wl.language <> w.source_language
       GROUP BY 1, 2
       ORDER BY count(*) DESC, 1, 2
       LIMIT 1`,
  ]);
  return { languages: languages.map((row) => row.language), usualPair: pairs[0] ?? null };
}

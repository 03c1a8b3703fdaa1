import 'server-only';

import { CONCORDANCE_LIMIT, type ConcordanceQuery } from './schemas';
import { assertCan, type Actor } from '../auth/permissions';
import { collectionIdsInScope, liveSegmentSql } from '../auth/scope';
import { getReadDb, Prisma, type Db } from '../db/client';
import { isEmptyQuery, parseSearchQuery } from '../search/parse-search-query';
import { snippetParts, tsquerySql, WHOLE_TEXT, type SnippetPart } from '../search/search-library';

export interface ConcordancePair {
  segmentId: string;
  work: { id: string; title: string; author: string };
  sourceText: string;
  targetText: string;
  /** The searched side with the matched words marked. */
  snippet: SnippetPart[];
}

interface PairRow {
  segment_id: string;
  work_id: string;
  title: string;
  author: string;
  source_text: string;
  target_text: string;
  headline: string;
}

/**
 * Concordance (docs/memory.md): the published translation pairs of works written in `source` and
 * translated into `target` whose `side` holds the word or phrase searched (library search's query
 * language and stemming, `lib/search/`), best ranked first, at most {@link CONCORDANCE_LIMIT},
 * the searched side's matches marked. Found through the search index of the searched side
 * (`segment_text.search_vector`), so it follows publishing in the same transaction; retired
 * segments and texts grouped into the previous one are left out.
 */
export async function findConcordance({ actor, input, db = getReadDb() }: { actor: Actor; input: ConcordanceQuery; db?: Db }): Promise<ConcordancePair[]> {
  assertCan(actor, 'work.read');
  const query = parseSearchQuery(input.q);
  if (isEmptyQuery(query)) return [];
  const searched = input.side === 'source' ? input.source : input.target;
  const other = input.side === 'source' ? input.target : input.source;
  const scope = collectionIdsInScope(actor, 'work.read');
  // Every collection is public today; a private one narrows this in one place.
  const collections = scope === 'all' ? Prisma.sql`true` : Prisma.sql`w.collection_id = ANY(${scope}::uuid[])`;
  const rows = await db.$queryRaw<PairRow[]>`
    WITH q AS (SELECT interlinear_search_config(${searched}) AS cfg),
    tq AS (SELECT q.cfg, ${tsquerySql(query, Prisma.sql`q.cfg`)} AS query FROM q),
    hits AS (
      SELECT st.segment_id, st.published_revision_id AS searched_revision, ot.published_revision_id AS other_revision, w.id AS work_id, w.title, w.author,
             tq.cfg, tq.query, ts_rank_cd(st.search_vector, tq.query, 1) AS rank
        FROM tq
        JOIN segment_text st ON st.search_vector @@ tq.query AND st.language = ${searched}
        JOIN segment s ON s.id = st.segment_id AND ${liveSegmentSql('s')}
        JOIN work w ON w.id = s.work_id AND w.source_language = ${input.source} AND ${collections}
        JOIN segment_text ot ON ot.segment_id = st.segment_id AND ot.language = ${other} AND ot.published_revision_id IS NOT NULL
       WHERE NOT st.continues_previous AND NOT ot.continues_previous
       ORDER BY rank DESC, st.segment_id
       LIMIT ${CONCORDANCE_LIMIT})
    SELECT h.segment_id, h.work_id, h.title, h.author, sr.text AS searched_text, orv.text AS other_text,
           ts_headline(h.cfg, sr.text, h.query, ${WHOLE_TEXT}) AS headline,
           CASE WHEN ${input.side} = 'source' THEN sr.text ELSE orv.text END AS source_text,
           CASE WHEN ${input.side} = 'source' THEN orv.text ELSE sr.text END AS target_text
      FROM hits h
      JOIN revision sr ON sr.id = h.searched_revision
      JOIN revision orv ON orv.id = h.other_revision
     ORDER BY h.rank DESC, h.segment_id`;
  return rows.map((row) => ({
    segmentId: row.segment_id,
    work: { id: row.work_id, title: row.title, author: row.author },
    sourceText: row.source_text,
    targetText: row.target_text,
    snippet: snippetParts(row.headline),
  }));
}

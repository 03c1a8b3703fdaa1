import 'server-only';

import { CONCORDANCE_PAGE_SIZE, MAX_CONCORDANCE_PAGE, type ConcordanceQuery } from './schemas';
import type { ConcordancePair, ConcordanceResults } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { collectionIdsInScope, liveSegmentSql } from '../auth/scope';
import { getDb, Prisma, type Db } from '../db/client';
import { countSearch } from '../search/count-search';
import { isEmptyQuery, parseSearchQuery, type SearchQuery } from '../search/parse-search-query';
import { snippetParts, tsquerySql, WHOLE_TEXT } from '../search/search-library';

/**
 * Imported units matching a side that are ranked at most: a word common to a large memory matches
 * tens of thousands of units, and ranking them all took longer than the whole lookup may (the
 * first ones found, in the index's order, are ranked; docs/memory.md).
 */
export const MAX_IMPORTED_CANDIDATES = 2000;

/**
 * Concordance (docs/memory.md): the pairs of the language pair `source` → `target` whose searched
 * side (or either side, `both`) holds the word or phrase, in library search's query language and
 * stemming (`lib/search/`). First the library's published translations (works written in `source`,
 * found through `segment_text.search_vector`, so they follow publishing in the same transaction;
 * retired segments and texts grouped into the previous one are left out), best ranked first; then
 * the imported memories' units of the pair (`memory_unit.source_vector` / `target_vector`), best
 * ranked among the first {@link MAX_IMPORTED_CANDIDATES} found. Pages of
 * {@link CONCORDANCE_PAGE_SIZE}, at most {@link MAX_CONCORDANCE_PAGE}; the searched sides' matches
 * are marked. A query with nothing to search for gives no pairs; each other one counts against
 * the client's address like library search (RATE_LIMITED past it). Throws UNAUTHENTICATED /
 * FORBIDDEN when the actor may not read works.
 */
export async function findConcordance({ actor, input, clientAddress, db = getDb() }: { actor: Actor; input: ConcordanceQuery; clientAddress: string; db?: Db }): Promise<ConcordanceResults> {
  assertCan(actor, 'work.read');
  const query = parseSearchQuery(input.q);
  if (isEmptyQuery(query)) return { pairs: [], page: input.page, hasMore: false };
  await countSearch({ clientAddress });
  const search = searchOf(query, input);
  const scope = collectionIdsInScope(actor, 'work.read');
  const offset = (input.page - 1) * CONCORDANCE_PAGE_SIZE;
  const end = offset + CONCORDANCE_PAGE_SIZE;

  // The library's pairs up to the end of this page (and one more, to know whether more follow).
  const ranked = await rankLibraryPairs(db, search, scope, end + 1);
  const libraryIds = ranked.slice(offset, end);
  const wanted = CONCORDANCE_PAGE_SIZE - libraryIds.length;
  const imported = wanted > 0 ? await findImportedPairs(db, search, scope, { offset: Math.max(0, offset - ranked.length), limit: wanted + 1 }) : [];
  const library = libraryIds.length > 0 ? await presentLibraryPairs(db, search, libraryIds) : [];
  const hasMore = ranked.length > end || imported.length > wanted;
  return { pairs: [...library, ...imported.slice(0, wanted)], page: input.page, hasMore: hasMore && input.page < MAX_CONCORDANCE_PAGE };
}

/** The query as SQL: the language pair, the sides searched, and each side's tsquery in its own language's configuration. */
interface Search {
  source: string;
  target: string;
  isSourceSearched: boolean;
  isTargetSearched: boolean;
  /** `q` (the configurations `scfg` / `tcfg` and tsqueries `sq` / `tq` of both sides), as a CTE. */
  cte: Prisma.Sql;
}

function searchOf(query: SearchQuery, input: ConcordanceQuery): Search {
  return {
    source: input.source,
    target: input.target,
    isSourceSearched: input.side !== 'target',
    isTargetSearched: input.side !== 'source',
    cte: Prisma.sql`
      c AS (SELECT interlinear_search_config(${input.source}) AS scfg, interlinear_search_config(${input.target}) AS tcfg),
      q AS (SELECT c.scfg, c.tcfg, ${tsquerySql(query, Prisma.sql`c.scfg`)} AS sq, ${tsquerySql(query, Prisma.sql`c.tcfg`)} AS tq FROM c)`,
  };
}

/**
 * Ids of the library's live segments whose published `source` text and `target` translation form
 * a pair matching on a searched side, best first (the better side's rank), at most `limit`. Every
 * match is ranked, as library search does.
 */
async function rankLibraryPairs(db: Db, search: Search, scope: 'all' | string[], limit: number): Promise<string[]> {
  // Every collection is public today; a private one narrows this in one place.
  const collections = scope === 'all' ? Prisma.sql`true` : Prisma.sql`w.collection_id = ANY(${scope}::uuid[])`;
  const sides: Prisma.Sql[] = [];
  if (search.isSourceSearched) {
    sides.push(Prisma.sql`SELECT st.segment_id, ts_rank_cd(st.search_vector, q.sq, 1) AS rank FROM q JOIN segment_text st ON st.search_vector @@ q.sq AND st.language = ${search.source}`);
  }
  if (search.isTargetSearched) {
    sides.push(Prisma.sql`SELECT st.segment_id, ts_rank_cd(st.search_vector, q.tq, 1) AS rank FROM q JOIN segment_text st ON st.search_vector @@ q.tq AND st.language = ${search.target}`);
  }
  const rows = await db.$queryRaw<{ segment_id: string }[]>`
    WITH ${search.cte},
    matched AS (${Prisma.join(sides, ' UNION ALL ')}),
    best AS (SELECT segment_id, max(rank) AS rank FROM matched GROUP BY segment_id)
    SELECT b.segment_id
      FROM best b
      JOIN segment s ON s.id = b.segment_id AND ${liveSegmentSql('s')}
      JOIN work w ON w.id = s.work_id AND w.source_language = ${search.source} AND ${collections}
      JOIN segment_text st ON st.segment_id = b.segment_id AND st.language = ${search.source} AND st.published_revision_id IS NOT NULL AND NOT st.continues_previous
      JOIN segment_text tt ON tt.segment_id = b.segment_id AND tt.language = ${search.target} AND tt.published_revision_id IS NOT NULL AND NOT tt.continues_previous
     ORDER BY b.rank DESC, b.segment_id
     LIMIT ${limit}`;
  return rows.map((row) => row.segment_id);
}

interface LibraryRow {
  segment_id: string;
  work_id: string;
  title: string;
  author: string;
  translator: string | null;
  source_headline: string;
  target_headline: string;
}

/** The library pairs of `segmentIds`, in that order, with their texts as published and the searched sides' matches marked. */
async function presentLibraryPairs(db: Db, search: Search, segmentIds: string[]): Promise<ConcordancePair[]> {
  const rows = await db.$queryRaw<LibraryRow[]>`
    WITH ${search.cte}
    SELECT p.segment_id, w.id AS work_id, w.title, w.author, wl.translator,
           ${headlineSql(search.isSourceSearched, Prisma.sql`q.scfg`, Prisma.sql`sr.text`, Prisma.sql`q.sq`)} AS source_headline,
           ${headlineSql(search.isTargetSearched, Prisma.sql`q.tcfg`, Prisma.sql`tr.text`, Prisma.sql`q.tq`)} AS target_headline
      FROM q, unnest(${segmentIds}::uuid[]) WITH ORDINALITY AS p(segment_id, n)
      JOIN segment s ON s.id = p.segment_id AND ${liveSegmentSql('s')}
      JOIN work w ON w.id = s.work_id
      LEFT JOIN work_language wl ON wl.work_id = w.id AND wl.language = ${search.target}
      JOIN segment_text st ON st.segment_id = p.segment_id AND st.language = ${search.source}
      JOIN revision sr ON sr.id = st.published_revision_id
      JOIN segment_text tt ON tt.segment_id = p.segment_id AND tt.language = ${search.target}
      JOIN revision tr ON tr.id = tt.published_revision_id
     ORDER BY p.n`;
  return rows.map((row) => ({
    source: snippetParts(row.source_headline),
    target: snippetParts(row.target_headline),
    provenance: { origin: 'LIBRARY', segmentId: row.segment_id, workId: row.work_id, workTitle: row.title, workAuthor: row.author, translator: row.translator ?? '' },
  }));
}

interface ImportedRow {
  id: string;
  imported_file: string | null;
  translator: string;
  translated_at: Date;
  source_headline: string;
  target_headline: string;
}

/**
 * Imported units of the language pair matching on a searched side, in collections in scope:
 * the first {@link MAX_IMPORTED_CANDIDATES} found on each side (partial GIN indexes of imported
 * units), ranked by their better side, then `limit` from `offset`.
 */
async function findImportedPairs(db: Db, search: Search, scope: 'all' | string[], { offset, limit }: { offset: number; limit: number }): Promise<ConcordancePair[]> {
  const collections = scope === 'all' ? Prisma.sql`true` : Prisma.sql`m.collection_id = ANY(${scope}::uuid[])`;
  const ranks: Prisma.Sql[] = [];
  if (search.isSourceSearched) ranks.push(Prisma.sql`ts_rank_cd(m.source_vector, q.sq, 1)`);
  if (search.isTargetSearched) ranks.push(Prisma.sql`ts_rank_cd(m.target_vector, q.tq, 1)`);
  // Each side's candidates carry what the page shows: joining them back to the table by id made
  // the planner read the whole table for a join it expected 4,000 rows from.
  const unitsOf = (vector: Prisma.Sql, tsquery: Prisma.Sql) => Prisma.sql`
    (SELECT m.id, m.source_text, m.target_text, m.imported_file, m.translator, m.translated_at, greatest(${Prisma.join(ranks, ', ')}) AS rank
       FROM q, memory_unit m
      WHERE m.origin = 'IMPORTED' AND ${vector} @@ ${tsquery}
        AND m.source_language = ${search.source} AND m.target_language = ${search.target} AND ${collections}
      LIMIT ${MAX_IMPORTED_CANDIDATES})`;
  const sides: Prisma.Sql[] = [];
  if (search.isSourceSearched) sides.push(unitsOf(Prisma.sql`m.source_vector`, Prisma.sql`q.sq`));
  if (search.isTargetSearched) sides.push(unitsOf(Prisma.sql`m.target_vector`, Prisma.sql`q.tq`));
  const rows = await db.$queryRaw<ImportedRow[]>`
    WITH ${search.cte},
    -- A unit matching on both sides is found twice, as the same row: UNION keeps it once.
    candidates AS (${Prisma.join(sides, ' UNION ')}),
    page AS (SELECT * FROM candidates ORDER BY rank DESC, id LIMIT ${limit} OFFSET ${offset})
    SELECT p.id, p.imported_file, p.translator, p.translated_at,
           ${headlineSql(search.isSourceSearched, Prisma.sql`q.scfg`, Prisma.sql`p.source_text`, Prisma.sql`q.sq`)} AS source_headline,
           ${headlineSql(search.isTargetSearched, Prisma.sql`q.tcfg`, Prisma.sql`p.target_text`, Prisma.sql`q.tq`)} AS target_headline
      FROM q, page p
     ORDER BY p.rank DESC, p.id`;
  return rows.map((row) => ({
    source: snippetParts(row.source_headline),
    target: snippetParts(row.target_headline),
    provenance: { origin: 'IMPORTED', unitId: row.id, file: row.imported_file ?? '', translator: row.translator, date: row.translated_at.toISOString() },
  }));
}

/** A side's text with the query's matches marked when the side is searched (shown whole: a sentence), else as it is. */
function headlineSql(isSearched: boolean, cfg: Prisma.Sql, text: Prisma.Sql, tsquery: Prisma.Sql): Prisma.Sql {
  return isSearched ? Prisma.sql`ts_headline(${cfg}, ${text}, ${tsquery}, ${WHOLE_TEXT})` : text;
}

import 'server-only';

import { CONCORDANCE_PAGE_SIZE, MAX_CONCORDANCE_PAGE, type ConcordanceQuery } from './schemas';
import type { ConcordancePair, ConcordanceResults } from './types';
import { assertCan, can, type Actor } from '../auth/permissions';
import { collectionIdsInScope, liveSegmentSql } from '../auth/scope';
import { getReadDb, Prisma, type Db } from '../db/client';
import { countSearch } from '../search/count-search';
import { isEmptyQuery, parseSearchQuery, type SearchQuery } from '../search/parse-search-query';
import { prepareTsqueries } from '../search/prepare-tsqueries';
import { snippetParts, WHOLE_TEXT } from '../search/search-library';

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
 * ranked among the first {@link MAX_IMPORTED_CANDIDATES} found — for accounts only
 * (`memory.readImported`; anonymous readers get the library's pairs and `isImportedHidden`). Pages of
 * {@link CONCORDANCE_PAGE_SIZE}, at most {@link MAX_CONCORDANCE_PAGE}; the searched sides' matches
 * are marked. A query with nothing to search for gives no pairs; each other one counts against
 * the client's address like library search (RATE_LIMITED past it). Throws UNAUTHENTICATED /
 * FORBIDDEN when the actor may not read works.
 */
export async function findConcordance({ actor, input, clientAddress, db = getReadDb() }: { actor: Actor; input: ConcordanceQuery; clientAddress: string; db?: Db }): Promise<ConcordanceResults> {
  assertCan(actor, 'work.read');
  const query = parseSearchQuery(input.q);
  if (isEmptyQuery(query)) return { pairs: [], page: input.page, hasMore: false, isImportedHidden: !can(actor, 'memory.readImported') };
  await countSearch({ clientAddress });
  const search = await prepareSearch(db, query, input);
  const scope = collectionIdsInScope(actor, 'work.read');
  const offset = (input.page - 1) * CONCORDANCE_PAGE_SIZE;
  const end = offset + CONCORDANCE_PAGE_SIZE;

  const library = await findLibraryPairs(db, search, scope, { offset, end });
  const wanted = CONCORDANCE_PAGE_SIZE - library.pairs.length;
  // Only a page the library's pairs do not go past reads imported units (the library's count is
  // then exact); a page the library fills exactly reads one, to know whether a next page follows.
  const mayReadImported = can(actor, 'memory.readImported');
  const imported = mayReadImported && library.found <= end ? await findImportedPairs(db, search, scope, { offset: Math.max(0, offset - library.found), limit: wanted + 1 }) : [];
  const hasMore = library.found > end || imported.length > wanted;
  return { pairs: [...library.pairs, ...imported.slice(0, wanted)], page: input.page, hasMore: hasMore && input.page < MAX_CONCORDANCE_PAGE, isImportedHidden: !mayReadImported };
}

/** The query as SQL: the language pair, the sides searched, and each side's configuration and tsquery. */
interface Search {
  source: string;
  target: string;
  isSourceSearched: boolean;
  isTargetSearched: boolean;
  /** Each side's text search configuration (`regconfig`) and the query in it (`tsquery`), as constants. */
  scfg: Prisma.Sql;
  tcfg: Prisma.Sql;
  sq: Prisma.Sql;
  tq: Prisma.Sql;
}

/**
 * Builds each side's tsquery once (PostgreSQL stems the terms in the side's configuration) and
 * passes it on as a constant: computed inside the queries that use it, as a common table
 * expression, it is a value the planner cannot see, and it read the whole search index's table
 * instead of its GIN index (28 ms against 10 ms for a word of 24 texts).
 */
async function prepareSearch(db: Db, query: SearchQuery, input: ConcordanceQuery): Promise<Search> {
  const prepared = await prepareTsqueries(db, query, [input.source, input.target]);
  const side = (language: string) => prepared.find((entry) => entry.languages.includes(language)) ?? expectPrepared(language);
  const source = side(input.source);
  const target = side(input.target);
  return {
    source: input.source,
    target: input.target,
    isSourceSearched: input.side !== 'target',
    isTargetSearched: input.side !== 'source',
    scfg: Prisma.sql`${source.cfg}::regconfig`,
    tcfg: Prisma.sql`${target.cfg}::regconfig`,
    sq: Prisma.sql`${source.query}::tsquery`,
    tq: Prisma.sql`${target.query}::tsquery`,
  };
}

function expectPrepared(language: string): never {
  throw new Error(`no text search configuration for ${language}`);
}

interface LibraryRow {
  found: number;
  segment_id: string | null;
  work_id: string;
  title: string;
  author: string;
  translator: string | null;
  source_headline: string;
  target_headline: string;
}

/**
 * The library's pairs of the page from `offset` to `end`, and how many there are up to `end + 1`
 * (`found`): the live segments whose published `source` text and `target` translation form a pair
 * matching on a searched side, best first (the better side's rank), every match ranked as library
 * search does, with their texts as published and the searched sides' matches marked. One
 * statement: the page's texts and marks are read for its rows only.
 */
async function findLibraryPairs(db: Db, search: Search, scope: 'all' | string[], { offset, end }: { offset: number; end: number }): Promise<{ found: number; pairs: ConcordancePair[] }> {
  // Every collection is public today; a private one narrows this in one place.
  const collections = scope === 'all' ? Prisma.sql`true` : Prisma.sql`w.collection_id = ANY(${scope}::uuid[])`;
  const sides: Prisma.Sql[] = [];
  if (search.isSourceSearched) {
    sides.push(Prisma.sql`SELECT st.segment_id, ts_rank_cd(st.search_vector, ${search.sq}, 1) AS rank FROM segment_text st WHERE st.search_vector @@ ${search.sq} AND st.language = ${search.source}`);
  }
  if (search.isTargetSearched) {
    sides.push(Prisma.sql`SELECT st.segment_id, ts_rank_cd(st.search_vector, ${search.tq}, 1) AS rank FROM segment_text st WHERE st.search_vector @@ ${search.tq} AND st.language = ${search.target}`);
  }
  // A text matches once per side: a segment is found twice only when both sides are searched.
  const matched = sides.length === 1 ? (sides[0] ?? Prisma.empty) : Prisma.sql`SELECT segment_id, max(rank) AS rank FROM (${Prisma.join(sides, ' UNION ALL ')}) m GROUP BY segment_id`;
  const rows = await db.$queryRaw<LibraryRow[]>`
    WITH matched AS (${matched}),
    ranked AS (
      SELECT m.segment_id, w.id AS work_id, w.title, w.author, st.published_revision_id AS source_revision, tt.published_revision_id AS target_revision,
             row_number() OVER (ORDER BY m.rank DESC, m.segment_id) AS n
        FROM matched m
        JOIN segment s ON s.id = m.segment_id AND ${liveSegmentSql('s')}
        JOIN work w ON w.id = s.work_id AND w.source_language = ${search.source} AND ${collections}
        JOIN segment_text st ON st.segment_id = m.segment_id AND st.language = ${search.source} AND st.published_revision_id IS NOT NULL AND NOT st.continues_previous
        JOIN segment_text tt ON tt.segment_id = m.segment_id AND tt.language = ${search.target} AND tt.published_revision_id IS NOT NULL AND NOT tt.continues_previous
       ORDER BY m.rank DESC, m.segment_id
       LIMIT ${end + 1})
    -- One row carries the count when the page itself has no row.
    SELECT (SELECT count(*)::int FROM ranked) AS found, p.segment_id, p.work_id, p.title, p.author, wl.translator,
           ${headlineSql(search.isSourceSearched, search.scfg, Prisma.sql`sr.text`, search.sq)} AS source_headline,
           ${headlineSql(search.isTargetSearched, search.tcfg, Prisma.sql`tr.text`, search.tq)} AS target_headline
      FROM (SELECT 1) one
      LEFT JOIN (ranked p
        JOIN revision sr ON sr.id = p.source_revision
        JOIN revision tr ON tr.id = p.target_revision
        LEFT JOIN work_language wl ON wl.work_id = p.work_id AND wl.language = ${search.target})
        ON p.n > ${offset} AND p.n <= ${end}
     ORDER BY p.n`;
  return {
    found: rows[0]?.found ?? 0,
    pairs: rows.flatMap((row) =>
      row.segment_id === null
        ? []
        : [
            {
              source: snippetParts(row.source_headline),
              target: snippetParts(row.target_headline),
              provenance: { origin: 'LIBRARY' as const, segmentId: row.segment_id, workId: row.work_id, workTitle: row.title, workAuthor: row.author, translator: row.translator ?? '' },
            },
          ],
    ),
  };
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
  if (search.isSourceSearched) ranks.push(Prisma.sql`ts_rank_cd(m.source_vector, ${search.sq}, 1)`);
  if (search.isTargetSearched) ranks.push(Prisma.sql`ts_rank_cd(m.target_vector, ${search.tq}, 1)`);
  // Each side's candidates carry what the page shows: joining them back to the table by id made
  // the planner read the whole table for a join it expected 4,000 rows from.
  const unitsOf = (vector: Prisma.Sql, tsquery: Prisma.Sql) => Prisma.sql`
    (SELECT m.id, m.source_text, m.target_text, m.imported_file, m.translator, m.translated_at, greatest(${Prisma.join(ranks, ', ')}) AS rank
       FROM memory_unit m
      WHERE m.origin = 'IMPORTED' AND ${vector} @@ ${tsquery}
        AND m.source_language = ${search.source} AND m.target_language = ${search.target} AND ${collections}
      LIMIT ${MAX_IMPORTED_CANDIDATES})`;
  const sides: Prisma.Sql[] = [];
  if (search.isSourceSearched) sides.push(unitsOf(Prisma.sql`m.source_vector`, search.sq));
  if (search.isTargetSearched) sides.push(unitsOf(Prisma.sql`m.target_vector`, search.tq));
  const rows = await db.$queryRaw<ImportedRow[]>`
    WITH
    -- A unit matching on both sides is found twice, as the same row: UNION keeps it once.
    candidates AS (${Prisma.join(sides, ' UNION ')}),
    page AS (SELECT * FROM candidates ORDER BY rank DESC, id LIMIT ${limit} OFFSET ${offset})
    SELECT p.id, p.imported_file, p.translator, p.translated_at,
           ${headlineSql(search.isSourceSearched, search.scfg, Prisma.sql`p.source_text`, search.sq)} AS source_headline,
           ${headlineSql(search.isTargetSearched, search.tcfg, Prisma.sql`p.target_text`, search.tq)} AS target_headline
      FROM page p
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

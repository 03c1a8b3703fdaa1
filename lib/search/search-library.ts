import 'server-only';

import { countSearch } from './count-search';
import { isEmptyQuery, parseSearchQuery } from './parse-search-query';
import { prepareTsqueries, type PreparedTsquery } from './prepare-tsqueries';
import { SEARCH_PAGE_SIZE, type SearchInput } from './schemas';
import { assertCan, type Actor } from '../auth/permissions';
import { liveSegmentSql } from '../auth/scope';
import { getReadDb, Prisma, type Db } from '../db/client';

/** One part of a hit's snippet: text as published, `isMatch` where the query matched. */
export interface SnippetPart {
  text: string;
  isMatch: boolean;
}

export interface SearchHit {
  segmentId: string;
  language: string;
  kind: 'HEADING' | 'PARAGRAPH' | 'SENTENCE' | 'FOOTNOTE';
  work: { id: string; title: string; author: string; dateText: string; sourceLanguage: string };
  volume: { id: string; title: string } | null;
  snippet: SnippetPart[];
}

export interface SearchResults {
  hits: SearchHit[];
  /** Matching texts, counted up to {@link MAX_COUNTED}; `isCapped` when there are more. */
  total: number;
  isCapped: boolean;
  page: number;
}

/** Matches counted for the results' total; past this the page says "more than". */
export const MAX_COUNTED = 1000;

// Private-use characters around each match in ts_headline's output: never markup, split in code.
const START = '\uE000';
const STOP = '\uE001';
const MARKS = `StartSel=${START}, StopSel=${STOP}`;
/** A text up to this long is shown whole (a sentence, a heading); a longer one by its best fragments. */
const WHOLE_TEXT_CHARS = 400;
/** ts_headline's options for a text shown whole, its matches marked for {@link snippetParts}. */
export const WHOLE_TEXT = `${MARKS}, HighlightAll=true`;
const FRAGMENTS = `${MARKS}, MaxWords=40, MinWords=20, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Full-text search over every published text of the library (all of it is public), each language
 * stemmed by its own configuration (docs/search.md): words, "phrases", `prefix*`, `-word` and `or`,
 * with filters by collection, volume, work, language, author and year of the work. Hits are
 * ranked (ts_rank_cd, normalised by length), with highlighted snippets; retired text never
 * appears. An empty query gives no hits; each other search counts against its client address
 * ({@link countSearch}: RATE_LIMITED past the limit).
 */
export async function searchLibrary({ actor, input, clientAddress, db = getReadDb() }: { actor: Actor; input: SearchInput; clientAddress: string; db?: Db }): Promise<SearchResults> {
  assertCan(actor, 'work.read');
  const query = parseSearchQuery(input.q);
  if (isEmptyQuery(query)) return { hits: [], total: 0, isCapped: false, page: input.page };
  await countSearch({ clientAddress });
  const matches = matchesSql(await prepareTsqueries(db, query, input.language === undefined ? 'library' : [input.language]), input);
  if (!matches) return { hits: [], total: 0, isCapped: false, page: input.page };
  const [rows, counted] = await Promise.all([
    db.$queryRaw<HitRow[]>`
      WITH ${matches},
      page AS (SELECT * FROM matches ORDER BY rank DESC, segment_id, language LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(input.page - 1) * SEARCH_PAGE_SIZE})
      SELECT p.segment_id, p.language, s.kind::text AS kind, w.id AS work_id, w.title, w.author, w.date_text, w.source_language, v.id AS volume_id, v.title AS volume_title,
             ts_headline(p.cfg, r.text, p.query, CASE WHEN length(r.text) <= ${WHOLE_TEXT_CHARS} THEN ${WHOLE_TEXT} ELSE ${FRAGMENTS} END) AS headline
        FROM page p
        JOIN revision r ON r.id = p.published_revision_id
        JOIN segment s ON s.id = p.segment_id AND ${liveSegmentSql('s')}
        JOIN work w ON w.id = s.work_id
        LEFT JOIN volume v ON v.id = w.volume_id
       ORDER BY p.rank DESC, p.segment_id, p.language`,
    db.$queryRaw<{ total: number }[]>`WITH ${matches} SELECT count(*)::int AS total FROM (SELECT 1 FROM matches LIMIT ${MAX_COUNTED + 1}) counted`,
  ]);
  const total = counted[0]?.total ?? 0;
  return {
    hits: rows.map((row) => ({
      segmentId: row.segment_id,
      language: row.language,
      kind: row.kind,
      work: { id: row.work_id, title: row.title, author: row.author, dateText: row.date_text, sourceLanguage: row.source_language },
      volume: row.volume_id === null ? null : { id: row.volume_id, title: row.volume_title ?? '' },
      snippet: snippetParts(row.headline),
    })),
    total: Math.min(total, MAX_COUNTED),
    isCapped: total > MAX_COUNTED,
    page: input.page,
  };
}

interface HitRow {
  segment_id: string;
  language: string;
  kind: SearchHit['kind'];
  work_id: string;
  title: string;
  author: string;
  date_text: string;
  source_language: string;
  volume_id: string | null;
  volume_title: string | null;
  headline: string;
}

/**
 * `matches` (the live published texts matching the prepared queries, with their rank), as a CTE:
 * one branch per configuration, its tsquery a constant the GIN index on `search_vector` is read
 * with; a text is matched only with its own language's configuration. Null when no language of
 * the library has a configuration (nothing to search).
 */
function matchesSql(queries: readonly PreparedTsquery[], input: SearchInput): Prisma.Sql | null {
  if (queries.length === 0) return null;
  const filters: Prisma.Sql[] = [];
  if (input.collection !== undefined) filters.push(Prisma.sql`w.collection_id = ${input.collection}::uuid`);
  if (input.volume !== undefined) filters.push(Prisma.sql`w.volume_id = ${input.volume}::uuid`);
  if (input.work !== undefined) filters.push(Prisma.sql`w.id = ${input.work}::uuid`);
  if (input.language !== undefined) filters.push(Prisma.sql`st.language = ${input.language}`);
  if (input.author !== undefined) filters.push(Prisma.sql`w.author ILIKE ${`%${input.author.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`}`);
  const year = Prisma.sql`substring(w.date_text from '(?:^|[^0-9])([0-9]{4})(?:[^0-9]|$)')::int`;
  if (input.from !== undefined) filters.push(Prisma.sql`${year} >= ${input.from}`);
  if (input.to !== undefined) filters.push(Prisma.sql`${year} <= ${input.to}`);
  const branches = queries.map(
    ({ cfg, languages, query }) => Prisma.sql`
      SELECT st.segment_id, st.language, st.published_revision_id, ${cfg}::regconfig AS cfg, ${query}::tsquery AS query, ts_rank_cd(st.search_vector, ${query}::tsquery, 1) AS rank
        FROM segment_text st
        JOIN segment s ON s.id = st.segment_id AND ${liveSegmentSql('s')}
        JOIN work w ON w.id = s.work_id
       WHERE st.search_vector @@ ${query}::tsquery AND st.language = ANY(${languages}::text[])
       ${filters.length > 0 ? Prisma.sql`AND ${Prisma.join(filters, ' AND ')}` : Prisma.empty}`,
  );
  return Prisma.sql`matches AS (${Prisma.join(branches, ' UNION ALL ')})`;
}

/** ts_headline's output cut at its private-use delimiters into plain and matched parts. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let isMatch = false;
  for (const piece of headline.split(/([\uE000\uE001])/u)) {
    if (piece === START) isMatch = true;
    else if (piece === STOP) isMatch = false;
    else if (piece !== '') parts.push({ text: piece, isMatch });
  }
  return parts;
}

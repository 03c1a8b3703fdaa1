import 'server-only';

import type { SearchQuery, SearchTerm } from './parse-search-query';
import { Prisma, type Db } from '../db/client';

/** One text search configuration the searched languages use, those languages, and the query in it. */
export interface PreparedTsquery {
  /** The configuration's name (`regconfig` as text). */
  cfg: string;
  languages: string[];
  /** The tsquery as text, to be passed back as a constant (`${query}::tsquery`). */
  query: string;
}

/**
 * The query in each text search configuration of `languages` (or of every language of the
 * library), built by PostgreSQL (stemming, stop words) in one small statement, so that the
 * statements using it hold each tsquery as a constant: the planner then goes through the GIN index
 * of `search_vector` (a tsquery computed inside the statement is a value it cannot see, and it read
 * the whole table for frequent words). Languages sharing a configuration share one entry. Library
 * search and the translation memory's concordance both build their queries here.
 */
export async function prepareTsqueries(db: Db, query: SearchQuery, languages: 'library' | readonly string[]): Promise<PreparedTsquery[]> {
  // Each configuration with the languages that use it: a text is matched through its language's
  // own configuration by comparing its language with that list (a call of the configuration
  // function per candidate row would cost far more than the index lookup).
  const configs =
    languages === 'library'
      ? Prisma.sql`SELECT interlinear_search_config(language) AS cfg, array_agg(DISTINCT language) AS languages FROM work_language GROUP BY 1`
      : Prisma.sql`SELECT interlinear_search_config(l) AS cfg, array_agg(DISTINCT l) AS languages FROM unnest(${[...languages]}::text[]) l GROUP BY 1`;
  return db.$queryRaw<PreparedTsquery[]>`SELECT c.cfg::text AS cfg, c.languages, (${tsquerySql(query, Prisma.sql`c.cfg`)})::text AS query FROM (${configs}) c`;
}

/**
 * A parsed query as one tsquery of the text search configuration `cfg` (an SQL expression), each
 * term built by PostgreSQL from its text: nothing typed is read as tsquery syntax.
 */
export function tsquerySql(query: SearchQuery, cfg: Prisma.Sql): Prisma.Sql {
  return Prisma.join(
    query.groups.map((group) => groupSql(group, cfg)),
    ' || ',
  );
}

/**
 * One group of terms (all must hold). A group whose wanted terms are all stop words of the
 * configuration (`the -trotsky`) matches nothing, rather than every text without the excluded
 * words (PostgreSQL drops stop words, and `&&` with an empty query gives the other side).
 */
function groupSql(group: readonly SearchTerm[], cfg: Prisma.Sql): Prisma.Sql {
  const wanted = Prisma.sql`(${Prisma.join(group.filter((term) => !term.isExcluded).map((term) => termSql(term, cfg)), ' && ')})`;
  const excluded = group.filter((term) => term.isExcluded).map((term) => termSql(term, cfg));
  const all = excluded.length === 0 ? wanted : Prisma.sql`(${wanted} && ${Prisma.join(excluded, ' && ')})`;
  return Prisma.sql`(CASE WHEN numnode(${wanted}) = 0 THEN ''::tsquery ELSE ${all} END)`;
}

/** One term as a tsquery of configuration `cfg`, built by PostgreSQL from the term's text. */
function termSql(term: SearchTerm, cfg: Prisma.Sql): Prisma.Sql {
  const positive =
    term.kind === 'phrase'
      ? Prisma.sql`phraseto_tsquery(${cfg}, ${term.text})`
      : term.kind === 'prefix'
        ? // A prefix holds letters, marks and digits only (parseSearchQuery): quoting it is safe.
          Prisma.sql`to_tsquery(${cfg}, ${`'${term.text}':*`})`
        : Prisma.sql`plainto_tsquery(${cfg}, ${term.text})`;
  return term.isExcluded ? Prisma.sql`!!${positive}` : positive;
}


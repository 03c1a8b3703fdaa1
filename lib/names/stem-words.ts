import 'server-only';

import type { Db } from '../db/client';

/** A word's key (lib/names/name-words.ts) and the language whose stemmer reads it (null: none). */
export interface WordToStem {
  key: string;
  language: string | null;
}

/**
 * The snowball stems of words, by PostgreSQL's text search configuration of their language
 * (`interlinear_search_config`, the mapping library search and the translation memory use: the
 * russian stemmer for `ru`, `simple` where PostgreSQL has none). A word the configuration reads
 * as a stop word, or as several lexemes, keeps its key. One query for all the words; each
 * distinct (key, language) is stemmed once. Returns a function from a word to its stem.
 */
export async function stemWords(db: Db, words: readonly WordToStem[]): Promise<(word: WordToStem) => string> {
  const id = (word: WordToStem) => `${word.language ?? ''}\u0000${word.key}`;
  const distinct = [...new Map(words.map((word) => [id(word), word])).values()];
  const stems = new Map<string, string>();
  if (distinct.length > 0) {
    const rows = await db.$queryRaw<{ ord: bigint; stem: string | null }[]>`
      SELECT u.ord, (SELECT CASE WHEN count(*) = 1 THEN min(l) END FROM unnest(tsvector_to_array(to_tsvector(interlinear_search_config(u.lang), u.w))) l) AS stem
        FROM unnest(${distinct.map((word) => word.key)}::text[], ${distinct.map((word) => word.language)}::text[]) WITH ORDINALITY u(w, lang, ord)`;
    for (const row of rows) {
      const word = distinct[Number(row.ord) - 1];
      if (word) stems.set(id(word), row.stem ?? word.key);
    }
  }
  return (word) => stems.get(id(word)) ?? word.key;
}

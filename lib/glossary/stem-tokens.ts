import 'server-only';

import { locateTokens, type StemToken } from './stem-sequence';
import { MAX_GLOSSARY_LOOKUP_TEXTS } from '../config/limits';
import { Prisma, type Db } from '../db/client';

/** A token as the database gives it: its text's place in the list (1-based), its place in the text, the token and its stem. */
export interface TokenRow {
  i: number;
  n: number;
  token: string;
  stem: string;
}

/**
 * The SQL of every text's tokens (`i`, `n`, `token`, `stem`), for a query to read or build on:
 * `glossary_tokens` on the language's text search configuration. Throws past
 * {@link MAX_GLOSSARY_LOOKUP_TEXTS} texts.
 */
export function tokensSql(language: string, texts: readonly string[]): Prisma.Sql {
  if (texts.length > MAX_GLOSSARY_LOOKUP_TEXTS) throw new Error(`At most ${MAX_GLOSSARY_LOOKUP_TEXTS} texts are stemmed at once (${texts.length} given).`);
  return Prisma.sql`SELECT u.i::integer AS i, g.n, g.token, g.stem FROM unnest(${texts as string[]}::text[]) WITH ORDINALITY AS u(t, i) CROSS JOIN LATERAL glossary_tokens(${language}, u.t) g`;
}

/** Each text's tokens, placed at their offsets, from the rows of {@link tokensSql} in any order. */
export function locateTokenRows(texts: readonly string[], rows: readonly TokenRow[]): StemToken[][] {
  const byText: TokenRow[][] = texts.map(() => []);
  for (const row of rows) byText[row.i - 1]?.push(row);
  return texts.map((text, index) => locateTokens(text, (byText[index] ?? []).sort((a, b) => a.n - b.n)));
}

/**
 * The words of each text with their stems, in order, as the glossary matches them: PostgreSQL's
 * parser and dictionaries for `language` (`glossary_tokens`, on the language's text search
 * configuration, the one library search and the translation memory use), so a text is stemmed
 * exactly as the stored terms and translations were. One query for all the texts (at most
 * {@link MAX_GLOSSARY_LOOKUP_TEXTS}); offsets are UTF-16 (JavaScript's). With
 * `containsStemSequence` a check tells whether a translation of a term stands in a target text in
 * any inflected form.
 */
export async function stemTokens(db: Db, language: string, texts: readonly string[]): Promise<StemToken[][]> {
  if (texts.length === 0) return [];
  const rows = await db.$queryRaw<TokenRow[]>`${tokensSql(language, texts)}`;
  return locateTokenRows(texts, rows);
}

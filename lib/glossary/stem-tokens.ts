import 'server-only';

import { locateTokens, type StemToken } from './stem-sequence';
import { MAX_GLOSSARY_LOOKUP_TEXTS } from '../config/limits';
import type { Db } from '../db/client';

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
  if (texts.length > MAX_GLOSSARY_LOOKUP_TEXTS) throw new Error(`At most ${MAX_GLOSSARY_LOOKUP_TEXTS} texts are stemmed at once (${texts.length} given).`);
  if (texts.length === 0) return [];
  const rows = await db.$queryRaw<{ i: number; token: string; stem: string }[]>`
    SELECT u.i::integer AS i, g.token, g.stem
      FROM unnest(${texts as string[]}::text[]) WITH ORDINALITY AS u(t, i)
     CROSS JOIN LATERAL glossary_tokens(${language}, u.t) g
     ORDER BY u.i, g.n`;
  const byText: { token: string; stem: string }[][] = texts.map(() => []);
  for (const row of rows) byText[row.i - 1]?.push({ token: row.token, stem: row.stem });
  return texts.map((text, index) => locateTokens(text, byText[index] ?? []));
}

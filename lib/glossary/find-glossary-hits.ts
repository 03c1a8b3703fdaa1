import 'server-only';

import { partOfSpeechOf, statusOf } from './glossary-values';
import { matchGlossaryTerms } from './match-glossary-terms';
import { locateTokenRows, tokensSql, type TokenRow } from './stem-tokens';
import type { GlossaryCandidate, GlossaryHit } from './types';
import type { Db } from '../db/client';

export interface FindGlossaryHitsOptions {
  collectionId: string;
  sourceLanguage: string;
  targetLanguage: string;
  /** The source texts looked in (at most MAX_GLOSSARY_LOOKUP_TEXTS). */
  texts: readonly string[];
}

/** A row of the first query: a token of a text, or a candidate term. */
type TokenOrCandidate = (TokenRow & { id: null }) | (GlossaryCandidate & { i: null });

interface DetailRow {
  id: string;
  part_of_speech: 'NOUN' | 'VERB' | 'ADJECTIVE' | 'ADVERB' | 'PROPER_NOUN' | 'OTHER' | null;
  note: string;
  translations: { text: string; usage: 'PREFERRED' | 'ADMITTED' | 'FORBIDDEN'; stems: string[] | null }[];
}

/**
 * The approved glossary terms of a collection's language pair found in each text, with their
 * approved translations (docs/glossary.md, Recognition). Two queries whatever the number of
 * texts: the texts' words stemmed by PostgreSQL (as `stemTokens` stems them) together with the
 * terms whose first stem is among them (`glossary_term_first_stem_idx`; their ids, texts and
 * stems only), each then confirmed at consecutive words of each text (`matchGlossaryTerms`); and
 * the details and translations of the terms found, and of those alone. For each text, its hits
 * in text order, none overlapping another. Callers check that the reader may read the glossary.
 */
export async function findGlossaryHits(db: Db, { collectionId, sourceLanguage, targetLanguage, texts }: FindGlossaryHitsOptions): Promise<GlossaryHit[][]> {
  if (texts.length === 0) return [];
  // Only what matching needs: a word that starts hundreds of terms ("Communist") costs their
  // stems, not their notes and translations. The stems are handed to the index as an array the
  // statement computes once (an InitPlan), so the planner still probes the index per stem.
  const rows = await db.$queryRaw<TokenOrCandidate[]>`
    WITH tok AS MATERIALIZED (${tokensSql(sourceLanguage, texts)})
    SELECT i, n, token, stem, NULL::uuid AS id, NULL::text AS text, NULL::text[] AS stems FROM tok
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, t.id, t.text, t.stems
      FROM glossary_term t
     WHERE t.collection_id = ${collectionId}::uuid AND t.source_language = ${sourceLanguage} AND t.target_language = ${targetLanguage}
       AND t.first_stem = ANY(ARRAY(SELECT DISTINCT stem FROM tok)) AND t.state = 'APPROVED'`;
  const tokens = locateTokenRows(texts, rows.filter((row): row is TokenRow & { id: null } => row.i !== null));
  const candidates = rows.filter((row): row is GlossaryCandidate & { i: null } => row.i === null);
  const matches = texts.map((text, index) => matchGlossaryTerms(text, tokens[index] ?? [], candidates));
  const found = [...new Set(matches.flat().map((match) => match.termId))];
  if (found.length === 0) return texts.map(() => []);
  const details = await db.$queryRaw<DetailRow[]>`
    SELECT t.id, t.part_of_speech::text AS part_of_speech, t.note,
           coalesce((SELECT json_agg(json_build_object('text', r.text, 'usage', r.usage, 'stems', r.stems) ORDER BY r.usage, r.id)
                       FROM glossary_translation r
                      WHERE r.term_id = t.id AND r.state = 'APPROVED'), '[]'::json) AS translations
      FROM glossary_term t
     WHERE t.id = ANY(${found}::uuid[])`;
  const byId = new Map(details.map((row) => [row.id, row]));
  return matches.map((textMatches) =>
    textMatches.flatMap((match) => {
      const row = byId.get(match.termId);
      if (!row) return [];
      return [
        {
          ...match,
          partOfSpeech: partOfSpeechOf(row.part_of_speech),
          note: row.note,
          translations: row.translations.map((translation) => ({ text: translation.text, status: statusOf(translation.usage), stems: translation.stems ?? [] })),
        },
      ];
    }),
  );
}

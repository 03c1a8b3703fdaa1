import 'server-only';

import { partOfSpeechOf, statusOf } from './glossary-values';
import { matchGlossaryTerms } from './match-glossary-terms';
import { stemTokens } from './stem-tokens';
import type { GlossaryCandidate, GlossaryHit } from './types';
import type { Db } from '../db/client';

export interface FindGlossaryHitsOptions {
  collectionId: string;
  sourceLanguage: string;
  targetLanguage: string;
  /** The source texts looked in (at most MAX_GLOSSARY_LOOKUP_TEXTS). */
  texts: readonly string[];
}

interface CandidateRow {
  id: string;
  text: string;
  stems: string[];
  part_of_speech: 'NOUN' | 'VERB' | 'ADJECTIVE' | 'ADVERB' | 'PROPER_NOUN' | 'OTHER' | null;
  note: string;
  translations: { text: string; usage: 'PREFERRED' | 'ADMITTED' | 'FORBIDDEN'; stems: string[] }[];
}

/**
 * The approved glossary terms of a collection's language pair found in each text, with their
 * approved translations (docs/glossary.md, Recognition). Two queries whatever the number of texts:
 * the texts' words stemmed by PostgreSQL (`stemTokens`), then the terms whose first stem is among
 * them and all of whose stems are (`glossary_term_first_stem_idx`); each candidate is then
 * confirmed at consecutive words of each text (`matchGlossaryTerms`). For each text, its hits in
 * text order, none overlapping another. Callers check that the reader may read the glossary.
 */
export async function findGlossaryHits(db: Db, { collectionId, sourceLanguage, targetLanguage, texts }: FindGlossaryHitsOptions): Promise<GlossaryHit[][]> {
  const tokens = await stemTokens(db, sourceLanguage, texts);
  const stems = [...new Set(tokens.flatMap((textTokens) => textTokens.map((token) => token.stem)))];
  if (stems.length === 0) return texts.map(() => []);
  const rows = await db.$queryRaw<CandidateRow[]>`
    SELECT t.id, t.text, t.stems, t.part_of_speech::text AS part_of_speech, t.note,
           coalesce((SELECT json_agg(json_build_object('text', r.text, 'usage', r.usage, 'stems', r.stems) ORDER BY r.usage, r.id)
                       FROM glossary_translation r
                      WHERE r.term_id = t.id AND r.state = 'APPROVED'), '[]'::json) AS translations
      FROM glossary_term t
     WHERE t.collection_id = ${collectionId}::uuid AND t.source_language = ${sourceLanguage} AND t.target_language = ${targetLanguage}
       AND t.first_stem = ANY(${stems}::text[]) AND t.stems <@ ${stems}::text[] AND t.state = 'APPROVED'`;
  const candidates: GlossaryCandidate[] = rows.map((row) => ({
    id: row.id,
    text: row.text,
    stems: row.stems,
    partOfSpeech: partOfSpeechOf(row.part_of_speech),
    note: row.note,
    translations: row.translations.map((translation) => ({ text: translation.text, status: statusOf(translation.usage), stems: translation.stems ?? [] })),
  }));
  return texts.map((text, index) => matchGlossaryTerms(text, tokens[index] ?? [], candidates));
}

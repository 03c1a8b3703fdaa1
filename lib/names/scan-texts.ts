import 'server-only';

import { matchNames, type CandidateForm, type StemmedWord } from './match-names';
import { formWords, nameWords, type FormWord, type NameWord } from './name-words';
import { TRANSLITERATION_SYSTEMS } from './transliterate-name';
import type { NameMention } from './types';
import { MAX_NAME_FORM_CHARS } from '../config/limits';
import type { Db, NameStatus } from '../db/client';

/** What scanning a text found: its mentions, and the words a name may stand on (for `name_scan.words`). */
export interface ScannedText {
  mentions: NameMention[];
  /** Stems and keys of the text's capitalised words. */
  words: string[];
}

const SYSTEM_ORDER: readonly string[] = Object.keys(TRANSLITERATION_SYSTEMS);

interface CandidateRow {
  id: string;
  name_id: string;
  kind: 'PERSON' | 'PLACE';
  origin: CandidateForm['origin'];
  systems: string[];
  text: string;
  stems: string[];
  head: number;
  head_stem: string;
  preferred_id: string | null;
  preferred_text: string | null;
}

/**
 * The prefixes of a word of at least two characters, itself included: what a head's stem may be.
 * No longer than a name's form can be ({@link MAX_NAME_FORM_CHARS}): a 20,000-letter run of an OCR
 * page would otherwise send PostgreSQL some 200 million characters of prefixes.
 */
function prefixes(word: string): string[] {
  const chars = [...word].slice(0, MAX_NAME_FORM_CHARS);
  return Array.from({ length: Math.max(0, chars.length - 1) }, (_, i) => chars.slice(0, i + 2).join(''));
}

/**
 * Scans texts of one language for the names of a collection (docs/names.md, "Recognition"):
 * cuts them into words, and in one statement stems the capitalised words in other scripts than
 * Latin with the language's snowball stemmer and looks up the forms whose head may be one of the
 * capitalised words (on `name_form (collection_id, head_stem)`: a form's head stem is a prefix of
 * the word in every way a word matches), then matches them ({@link matchNames}). `statuses`: the
 * names looked at (confirmed names only for mentions).
 */
export async function scanTexts(
  db: Db,
  { collectionId, language, texts, statuses = ['CONFIRMED'] }: { collectionId: string; language: string; texts: readonly string[]; statuses?: readonly NameStatus[] },
): Promise<ScannedText[]> {
  const wordsOf = texts.map((text) => nameWords(text));
  // Only capitalised words can be names or parts of them (lib/names/match-names.ts): only they
  // are stemmed and looked up. A form's head stem is a prefix of every word it matches (the
  // snowball stemmers only cut endings), so the word's prefixes are what to look up, in the same
  // statement as the stems.
  const heads = (words: readonly NameWord[]) => words.filter((word) => word.isCapitalised && !word.isInitial).flatMap((word) => (word.isLatin ? [word.key] : prefixes(word.key)));
  const lookups = [...new Set(wordsOf.flatMap(heads))];
  const toStem = [...new Set(wordsOf.flatMap((words) => words.filter((word) => !word.isLatin && word.isCapitalised).map((word) => word.key)))];
  const { stems, candidates } = await lookUpWords(db, { collectionId, language, toStem, lookups, statuses });
  const stemOf = new Map(toStem.map((key, i) => [key, stems[i] ?? key]));
  const stemmed: StemmedWord[][] = wordsOf.map((words) => words.map((word) => ({ ...word, stem: word.isLatin || !word.isCapitalised ? word.key : (stemOf.get(word.key) ?? word.key) })));
  return texts.map((text, index) => {
    const words = stemmed[index] ?? [];
    const textHeads = new Set(heads(words));
    const forms = candidates.filter((candidate) => textHeads.has(candidate.headStem));
    const preferredOf = new Map(forms.map((form) => [form.nameId, form.preferredText]));
    const mentions = forms.length === 0 ? [] : matchNames(text, words, forms).map((mention): NameMention => {
      const start = words[mention.first]?.start ?? 0;
      const end = words[mention.last]?.end ?? start;
      return {
        nameId: mention.nameId,
        kind: mention.kind === 'PERSON' ? 'person' : 'place',
        start,
        end,
        found: text.slice(start, end),
        preferred: preferredOf.get(mention.nameId) ?? null,
        isPreferred: mention.isPreferred,
        variantOrigin: mention.variantOrigin === null ? null : (mention.variantOrigin.toLowerCase() as NameMention['variantOrigin']),
        variantSystems: [...mention.variantSystems].sort((a, b) => SYSTEM_ORDER.indexOf(a) - SYSTEM_ORDER.indexOf(b)),
      };
    });
    const scanWords = new Set(words.filter((word) => word.isCapitalised && !word.isInitial).flatMap((word) => [word.key, word.stem]).filter((word) => word.length > 0));
    return { mentions, words: [...scanWords] };
  });
}

type Candidate = CandidateForm & { headStem: string; preferredText: string | null };

/**
 * One statement: the stems of `toStem` in the language's configuration (as lib/names/stem-words.ts
 * computes them) and the candidate forms with their name's preferred form in the language (else
 * in its primary language, `en` for `en-GB`).
 */
async function lookUpWords(
  db: Db,
  { collectionId, language, toStem, lookups, statuses }: { collectionId: string; language: string; toStem: string[]; lookups: string[]; statuses: readonly NameStatus[] },
): Promise<{ stems: string[]; candidates: Candidate[] }> {
  if (toStem.length === 0 && lookups.length === 0) return { stems: [], candidates: [] };
  const primary = language.split('-')[0] ?? language;
  const [answer] = await db.$queryRaw<{ stems: string[] | null; forms: CandidateRow[] }[]>`
    SELECT
      (SELECT array_agg(coalesce((SELECT CASE WHEN count(*) = 1 THEN min(l) END FROM unnest(tsvector_to_array(to_tsvector(c.cfg, u.w))) l), u.w) ORDER BY u.ord)
         FROM unnest(${toStem}::text[]) WITH ORDINALITY u(w, ord), (SELECT interlinear_search_config(${language}) AS cfg) c) AS stems,
      (SELECT coalesce(json_agg(r), '[]') FROM (
        SELECT f.id, f.name_id, n.kind::text AS kind, f.origin::text AS origin, f.systems, f.text, f.stems, f.head, f.head_stem, p.id AS preferred_id, p.text AS preferred_text
          FROM name_form f
          JOIN name_entry n ON n.id = f.name_id
          LEFT JOIN LATERAL (SELECT x.id, x.text FROM name_form x
                              WHERE x.name_id = f.name_id AND x.is_preferred AND x.language IN (${language}, ${primary})
                              ORDER BY x.language = ${language} DESC LIMIT 1) p ON true
         WHERE f.collection_id = ${collectionId}::uuid AND f.head_stem = ANY(${lookups}::text[]) AND n.status = ANY(${[...statuses]}::"NameStatus"[])) r) AS forms`;
  const rows = answer?.forms ?? [];
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const read = formWords(row.text, row.kind);
    if (!read || read.words.length !== row.stems.length) continue;
    const words: FormWord[] = read.words.map((word, i) => ({ key: word.key, stem: row.stems[i] ?? word.key, isLatin: word.isLatin, isInitial: word.isInitial }));
    candidates.push({
      nameId: row.name_id,
      kind: row.kind,
      formId: row.id,
      isPreferredHere: row.preferred_id === row.id,
      origin: row.origin,
      systems: row.systems,
      words,
      head: read.head,
      headStem: row.head_stem,
      preferredText: row.preferred_text,
    });
  }
  return { stems: answer?.stems ?? [], candidates };
}

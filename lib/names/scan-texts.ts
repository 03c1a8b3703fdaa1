import 'server-only';

import { matchNames, type CandidateForm, type StemmedWord } from './match-names';
import { formWords, nameWords, type FormWord, type NameWord } from './name-words';
import { stemWords } from './stem-words';
import { TRANSLITERATION_SYSTEMS } from './transliterate-name';
import type { NameMention } from './types';
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

/** The prefixes of a word of at least two characters, itself included: what a head's stem may be. */
function prefixes(word: string): string[] {
  const chars = [...word];
  return Array.from({ length: Math.max(0, chars.length - 1) }, (_, i) => chars.slice(0, i + 2).join(''));
}

/**
 * Scans texts of one language for the names of a collection (docs/names.md, "Recognition"):
 * cuts them into words, stems the words in other scripts than Latin with the language's
 * snowball stemmer (one query), looks up the forms whose head may be one of the capitalised
 * words (one query on `name_form (collection_id, head_stem)`: a form's head stem is a prefix of
 * the word, or of its stem, in every way a word matches), and matches them
 * ({@link matchNames}). `statuses`: the names looked at (confirmed names only for mentions).
 */
export async function scanTexts(
  db: Db,
  { collectionId, language, texts, statuses = ['CONFIRMED'] }: { collectionId: string; language: string; texts: readonly string[]; statuses?: readonly NameStatus[] },
): Promise<ScannedText[]> {
  const wordsOf = texts.map((text) => nameWords(text));
  // Only capitalised words can be names or parts of them (lib/names/match-names.ts): only they
  // are stemmed and looked up. A form's head stem is a prefix of every word it matches (the
  // snowball stemmers only cut endings), so the word's prefixes are what to look up, and both
  // queries run at once.
  const heads = (words: readonly NameWord[]) => words.filter((word) => word.isCapitalised && !word.isInitial).flatMap((word) => (word.isLatin ? [word.key] : prefixes(word.key)));
  const lookups = [...new Set(wordsOf.flatMap(heads))];
  const [stemOf, candidates] = await Promise.all([
    stemWords(
      db,
      wordsOf.flatMap((words) => words.filter((word) => !word.isLatin && word.isCapitalised).map((word) => ({ key: word.key, language }))),
    ),
    lookups.length === 0 ? Promise.resolve([]) : findCandidateForms(db, { collectionId, language, lookups, statuses }),
  ]);
  const stemmed: StemmedWord[][] = wordsOf.map((words) => words.map((word) => ({ ...word, stem: word.isLatin || !word.isCapitalised ? word.key : stemOf({ key: word.key, language }) })));
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

async function findCandidateForms(
  db: Db,
  { collectionId, language, lookups, statuses }: { collectionId: string; language: string; lookups: string[]; statuses: readonly NameStatus[] },
): Promise<Candidate[]> {
  const primary = language.split('-')[0] ?? language;
  // The preferred form in the text's language, else in its primary language (`en` for `en-GB`).
  const rows = await db.$queryRaw<CandidateRow[]>`
    SELECT f.id, f.name_id, n.kind::text AS kind, f.origin::text AS origin, f.systems, f.text, f.stems, f.head, f.head_stem, p.id AS preferred_id, p.text AS preferred_text
      FROM name_form f
      JOIN name_entry n ON n.id = f.name_id
      LEFT JOIN LATERAL (SELECT x.id, x.text FROM name_form x
                          WHERE x.name_id = f.name_id AND x.is_preferred AND x.language IN (${language}, ${primary})
                          ORDER BY x.language = ${language} DESC LIMIT 1) p ON true
     WHERE f.collection_id = ${collectionId}::uuid AND f.head_stem = ANY(${lookups}::text[]) AND n.status::text = ANY(${[...statuses]}::text[])`;
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
  return candidates;
}

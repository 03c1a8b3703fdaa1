import { confusionEdits, regularCase, scriptReadings } from './confusions';
import type { Speller } from './speller';
import { buildVocabulary, isTrustedByVocabulary, TRUSTED_OCCURRENCES, type Vocabulary } from './vocabulary';
import { shapeFaults, type ShapeReason } from './word-shape';
import { foldWord, hasLetter, tokenizeWords, wordParts } from './words';

/** Why a word is suspect: a shape fault, or `UNKNOWN` (neither the dictionary nor the text knows it). */
export type SuspectReason = ShapeReason | 'UNKNOWN';

/** One text to check (or only to learn words from). */
export interface ProofreadText {
  segmentId: string;
  text: string;
  /**
   * Whether its words are checked; false for texts that only lend their words to the vocabulary
   * (the other works of the volume a work was printed in).
   */
  isChecked: boolean;
}

/** Where a suspect word stands: a segment and a short excerpt around its first occurrence there. */
export interface SuspectPlace {
  segmentId: string;
  excerpt: string;
}

/** A word to check, as written, with every segment it stands in. */
export interface Suspect {
  word: string;
  /** Occurrences in the checked texts. */
  count: number;
  reasons: SuspectReason[];
  /** The one correction proposed, when exactly one candidate exists; null otherwise. */
  correction: string | null;
  /** Segments in reading order, each once. */
  places: SuspectPlace[];
}

export interface FindSuspectsOptions {
  texts: readonly ProofreadText[];
  /** The language's dictionary; null when none is installed (shape and vocabulary only). */
  speller: Speller | null;
  /** Occurrences that make a word trusted (default {@link TRUSTED_OCCURRENCES}; other values for measuring). */
  trustedOccurrences?: number;
}

/** Longest word a correction is looked for: longer tokens are words run together, with none to propose. */
const MAX_CORRECTED_LENGTH = 30;
/**
 * Suspects, most frequent first, a correction is looked for (about 0.1 ms each): a volume has a few
 * hundred; a text of garbage could have a million, and the rest of its list gets none.
 */
const MAX_CORRECTION_SEARCHES = 5_000;
/** Longest word the dictionary is asked about: no word is this long, and nspell's time grows with the length. */
const MAX_DICTIONARY_LENGTH = 60;
const EXCERPT_RADIUS = 40;
const ROMAN_NUMERAL = /^[IVXLCDM]+$/u;
/** A capital after a lower-case letter, or lower case after two capitals: a case `regularCase` changes. */
const ODD_CASE = /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u;

/**
 * The suspect words of the checked texts, most frequent first: words whose shape is odd (see
 * `shapeFaults`), unless the dictionary spells them so itself (`iPhone`), and, for a language with
 * a dictionary, words neither the dictionary (in any case) nor the text's vocabulary (a word used
 * `TRUSTED_OCCURRENCES` times; hyphenated words part by part) knows. Single letters and numbers are never suspect. Each gets a
 * correction only when it is unambiguous: exactly one known word (dictionary or vocabulary) is one
 * misreading (`confusionEdits`), a change of case or a change of alphabet away. Pure; the checks
 * are made once per distinct word.
 */
export function findSuspects({ texts, speller, trustedOccurrences = TRUSTED_OCCURRENCES }: FindSuspectsOptions): Suspect[] {
  const vocabulary = buildVocabulary(texts.map((entry) => entry.text));
  const checker = new WordChecker(vocabulary, speller, trustedOccurrences);
  const found = new Map<string, { count: number; places: SuspectPlace[] }>();
  for (const { segmentId, text, isChecked } of texts) {
    if (!isChecked) continue;
    for (const token of tokenizeWords(text)) {
      if (token.word.length < 2 || !hasLetter(token.word) || !checker.isSuspect(token.word)) continue;
      let entry = found.get(token.word);
      if (!entry) found.set(token.word, (entry = { count: 0, places: [] }));
      entry.count += 1;
      if (entry.places.at(-1)?.segmentId !== segmentId) entry.places.push({ segmentId, excerpt: excerptAround(text, token.start, token.end) });
    }
  }
  // The most frequent first: they are worth the dictionary's time most, and are listed first.
  const ordered = [...found].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0));
  return ordered.map(([word, { count, places }], rank) => {
    return { word, count, reasons: checker.reasonsOf(word), correction: rank < MAX_CORRECTION_SEARCHES ? checker.correctionOf(word) : null, places };
  });
}

class WordChecker {
  private readonly suspects = new Map<string, boolean>();
  private readonly known = new Map<string, boolean>();

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly speller: Speller | null,
    private readonly trustedOccurrences: number,
  ) {}

  isSuspect(word: string): boolean {
    let suspect = this.suspects.get(word);
    if (suspect === undefined) this.suspects.set(word, (suspect = this.reasonsOf(word).length > 0));
    return suspect;
  }

  reasonsOf(word: string): SuspectReason[] {
    const shape = shapeFaults(word);
    const reasons: SuspectReason[] = shape.length > 0 && !this.dictionarySpells(word) ? shape : [];
    // Without a dictionary, a word the text uses rarely is no sign of a misreading: most words of
    // any text are rare. Only the shape tells then, and the vocabulary proposes corrections.
    if (this.speller && !this.isKnown(word)) reasons.push('UNKNOWN');
    return reasons;
  }

  /**
   * The one known word a misreading, a change of case or of alphabet away from `word`; null when
   * there is none or more than one. A misreading's candidate must also be used by the text itself:
   * a fragment of a broken word (`tion`) is one letter from some dictionary word (`lion`) the text
   * never uses, and proposing it would be a guess.
   */
  correctionOf(word: string): string | null {
    if (word.length > MAX_CORRECTED_LENGTH) return null;
    const candidates = new Map<string, { candidate: string; isMisreading: boolean }>();
    const consider = (candidate: string, isMisreading: boolean) => {
      const folded = foldWord(candidate);
      if (candidate === word || candidates.has(folded)) return;
      // Candidates are not remembered: there are a hundred per word.
      if (!this.isKnownNow(candidate)) return;
      if (shapeFaults(candidate).length > 0 && !this.dictionarySpells(candidate)) return;
      candidates.set(folded, { candidate, isMisreading });
    };
    const regular = regularCase(word);
    consider(regular, false);
    for (const reading of scriptReadings(word)) {
      consider(reading, false);
      consider(regularCase(reading), false);
    }
    for (const base of new Set([word, regular])) {
      for (const edit of confusionEdits(base)) {
        consider(edit, true);
        if (ODD_CASE.test(edit)) consider(regularCase(edit), true);
      }
    }
    if (candidates.size !== 1) return null;
    const [only] = [...candidates.values()];
    if (!only || (only.isMisreading && !this.vocabulary.has(foldWord(only.candidate)))) return null;
    return only.candidate;
  }

  /** Known to the dictionary in any case, or trusted by the vocabulary; a hyphenated word when each part is. */
  private isKnown(word: string): boolean {
    let known = this.known.get(word);
    if (known === undefined) this.known.set(word, (known = this.isKnownNow(word)));
    return known;
  }

  private isKnownNow(word: string): boolean {
    const parts = wordParts(word);
    return this.isKnownWhole(word) || (parts.length > 1 && parts.every((part) => !hasLetter(part) || this.isKnownWhole(part)));
  }

  private isKnownWhole(word: string): boolean {
    if (ROMAN_NUMERAL.test(word)) return true;
    if (isTrustedByVocabulary(this.vocabulary, word, this.trustedOccurrences)) return true;
    return this.dictionaryKnows(word) || this.dictionaryKnows(word.toLowerCase());
  }

  /**
   * Whether the dictionary spells the word with its odd case itself (`iPhone`, `McDonald`): it
   * knows the word as written but not in lower case. (nspell accepts any mixture of cases of a
   * lower-case word, `woRks` included, so knowing the word as written is not enough.)
   */
  private dictionarySpells(word: string): boolean {
    return this.dictionaryKnows(word) && !this.dictionaryKnows(word.toLowerCase());
  }

  private dictionaryKnows(word: string): boolean {
    if (word.length > MAX_DICTIONARY_LENGTH) return false;
    return this.speller?.isKnown(word.replace(/[’\u02bc]/gu, "'")) ?? false;
  }
}

function excerptAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_RADIUS);
  const to = Math.min(text.length, end + EXCERPT_RADIUS);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/gu, ' ')}${to < text.length ? '…' : ''}`;
}

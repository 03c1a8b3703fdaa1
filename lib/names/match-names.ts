import { isNameJoin, type FormWord, type NameWord } from './name-words';

/**
 * Recognition of names in a text (docs/names.md, "Recognition"): pure. The caller gives the
 * text's words with their stems and the forms that may match (looked up by their head's stem),
 * and gets the mentions.
 */

/** A word of the text with its stem (the key again for Latin words). */
export interface StemmedWord extends NameWord {
  stem: string;
}

/** A form a text may mention, with what the recognition needs of its name. */
export interface CandidateForm {
  nameId: string;
  kind: 'PERSON' | 'PLACE';
  formId: string;
  /** The name's preferred form in the text's language. */
  isPreferredHere: boolean;
  origin: 'EDITOR' | 'TRANSLITERATION' | 'OBSERVED';
  systems: readonly string[];
  words: readonly FormWord[];
  head: number;
}

/** A mention found: word offsets into the text's words, and how it was written. */
export interface WordMention {
  nameId: string;
  kind: 'PERSON' | 'PLACE';
  /** First and last word of the mention (inclusive). */
  first: number;
  last: number;
  isPreferred: boolean;
  /** Origin of the form that matched best when the preferred one did not; null when it did. */
  variantOrigin: CandidateForm['origin'] | null;
  variantSystems: readonly string[];
}

const CYRILLIC_CONSONANT = /[бвгджзклмнпрстфхцчшщ]$/u;

/** Longest common prefix of two strings. */
function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return a.slice(0, i);
}

/**
 * Whether a text's word is a form's word. Latin words compare by key (`Zinov'ev` = `Zinovʹev`).
 * Other words compare through the language's snowball stemmer, which decides what is an ending:
 * the same word (`Зиновьев`); the form's whole word and an ending of at most three letters that
 * the stemmer cuts (its stem is the form's word or the form's stem: `Зиновьева`, `Зиновьеву`,
 * `Зиновьевым` of `Зиновьев`, `Степана` of `Степан`; not `Ивановка` of `Иванов`); or, for a form
 * with an ending of its own (not ending in a consonant: `Троцкий`, `Москва`, `Алексей`), a word
 * sharing its letters but for an ending of at most two letters, where both stems stand inside
 * the shared letters (`Троцкого`, `Москве`, `Алексея`; not `Троцкистов`). A name ending in a
 * consonant never matches a shorter word (`Иванов`, whose stem is `иван`, is not `Ивана`).
 * An initial is any word it begins (`Г.` of `Григорий`).
 */
export function isSameWord(text: StemmedWord, form: FormWord): boolean {
  if (text.isLatin !== form.isLatin) return false;
  if (text.isInitial || form.isInitial) return text.isInitial && form.isInitial ? text.key === form.key : text.isInitial ? form.key.startsWith(text.key) : text.key.startsWith(form.key);
  if (text.key === form.key) return true;
  if (text.isLatin) return false;
  if (text.key.startsWith(form.key) && text.key.length - form.key.length <= 3 && (text.stem === form.key || text.stem === form.stem)) return true;
  if (CYRILLIC_CONSONANT.test(form.key)) return false;
  const shared = commonPrefix(text.key, form.key);
  return shared.length >= form.key.length - 2 && shared.length >= 2 && shared.startsWith(text.stem) && shared.startsWith(form.stem);
}

interface Span {
  first: number;
  last: number;
}

/**
 * Where a form stands at the text's word `at`, which is its head: the head alone, extended over
 * the given names or initials written before it (or after it, `Зиновьев Григорий Евсеевич`),
 * in order, any of them left out (`Григорий Зиновьев` of `Григорий Евсеевич Зиновьев`). A
 * place's words must all stand there. Null when it does not stand there.
 */
function spanAt(text: string, words: readonly StemmedWord[], at: number, form: CandidateForm): Span | null {
  const joins = (i: number) => isNameJoin(text, words[i] as NameWord, words[i + 1] as NameWord);
  if (form.kind === 'PLACE') {
    const first = at - form.head;
    if (first < 0) return null;
    for (let k = 0; k < form.head; k += 1) {
      const word = words[first + k] as StemmedWord;
      if (!joins(first + k) || !isSameWord(word, form.words[k] as FormWord)) return null;
    }
    return { first, last: at };
  }
  let first = at;
  let next = form.head - 1;
  while (first > 0 && next >= 0 && joins(first - 1)) {
    const word = words[first - 1] as StemmedWord;
    if (!word.isCapitalised) break;
    let k = next;
    while (k >= 0 && !isSameWord(word, form.words[k] as FormWord)) k -= 1;
    if (k < 0) break;
    first -= 1;
    next = k - 1;
  }
  let last = at;
  if (first === at) {
    let k = 0;
    while (last + 1 < words.length && k < form.head && joins(last)) {
      const word = words[last + 1] as StemmedWord;
      if (!word.isCapitalised) break;
      while (k < form.head && !isSameWord(word, form.words[k] as FormWord)) k += 1;
      if (k >= form.head) break;
      last += 1;
      k += 1;
    }
  }
  return { first, last };
}

const ORIGIN_RANK: Record<CandidateForm['origin'], number> = { EDITOR: 0, OBSERVED: 1, TRANSLITERATION: 2 };

/**
 * The mentions of the candidate forms' names among a text's words. A name is mentioned where a
 * capitalised word is the head of one of its forms (at least the surname matches); the mention
 * covers the most words any of its forms covers there. It is in its preferred form when the
 * preferred form of the text's language matches there; else the best-matching variant says where
 * it comes from (the longest span, then an editor's form before an observed one before a
 * transliteration). Overlapping mentions: the longest wins; two names over the same words (two
 * people of one surname) are both kept. Ordered by position.
 */
export function matchNames(text: string, words: readonly StemmedWord[], forms: readonly CandidateForm[]): WordMention[] {
  const found = new Map<string, WordMention & { rank: number }>();
  for (let at = 0; at < words.length; at += 1) {
    const word = words[at] as StemmedWord;
    if (!word.isCapitalised || word.isInitial) continue;
    for (const form of forms) {
      if (!isSameWord(word, form.words[form.head] as FormWord)) continue;
      const span = spanAt(text, words, at, form);
      if (!span) continue;
      const id = `${form.nameId}:${at}`;
      const previous = found.get(id);
      const size = span.last - span.first;
      const rank = ORIGIN_RANK[form.origin];
      const mention = previous ?? { nameId: form.nameId, kind: form.kind, first: span.first, last: span.last, isPreferred: false, variantOrigin: form.origin, variantSystems: form.systems, rank };
      if (previous && (size > previous.last - previous.first || (size === previous.last - previous.first && rank < previous.rank && !previous.isPreferred))) {
        Object.assign(mention, { first: span.first, last: span.last });
        if (!mention.isPreferred) Object.assign(mention, { variantOrigin: form.origin, variantSystems: form.systems, rank });
      } else if (previous && !previous.isPreferred && size === previous.last - previous.first && form.origin === previous.variantOrigin) {
        // Transliterations of two forms spelling these words alike: every system that gives them.
        mention.variantSystems = [...new Set([...previous.variantSystems, ...form.systems])];
      }
      if (form.isPreferredHere) Object.assign(mention, { isPreferred: true, variantOrigin: null, variantSystems: [] });
      found.set(id, mention);
    }
  }
  const candidates = [...found.values()].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const kept: (WordMention & { rank: number })[] = [];
  for (const candidate of candidates) {
    if (kept.some((other) => other.nameId === candidate.nameId && other.first === candidate.first && other.last === candidate.last)) continue;
    const clashes = kept.some((other) => other.first <= candidate.last && candidate.first <= other.last && (other.first !== candidate.first || other.last !== candidate.last));
    if (!clashes) kept.push(candidate);
  }
  return kept
    .sort((a, b) => a.first - b.first || a.nameId.localeCompare(b.nameId))
    .map(({ rank: _rank, ...mention }) => mention);
}

import { abbreviationKind, primaryLanguage } from './abbreviations';
import { collapseWhitespace } from './collapse-whitespace';

/** A sentence as a half-open character range `[start, end)` into the text it was split from. */
export interface SentenceRange {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

/** One Segmenter per language: constructing one costs far more than segmenting a paragraph. */
function sentenceSegmenter(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    } catch {
      // An invalid or unsupported language tag must not make a whole import fail.
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

const WHITESPACE = /\s/u;
/** Characters after which a break with no following space is never a real sentence end. */
const NO_BREAK_BEFORE_UNSPACED = /[\p{L}\p{N}\p{Ps}\p{Pi}]$/u;
/**
 * "[^3]" right after a full stop (and closing quotes), followed by a space and a capitalised word.
 * A label holds no bracket: with `[` allowed, every "[^" of ".[^.[^.[^…" would scan to the end of
 * the text for its `]`, quadratic time on a long paragraph.
 */
const FOOTNOTE_REFERENCE_AFTER_STOP = /[.!?…][\p{Pe}\p{Pf}"']*\[\^[^[\]\s]+\](?=\s+[\p{Ps}\p{Pi}"']*[\p{Lu}\p{Lt}\p{N}])/gu;
/** Letters and decimal digits; superscript digits (OCR'd quotes, footnote calls) do not make a sentence. */
const HAS_WORD_CHAR = /[\p{L}\p{Nd}]/u;
/** What may stand before a sentence's first word: opening quotes and brackets, "¿", "¡", and the dash of a reply. */
const OPENING_PUNCTUATION = /^(?:[\p{Ps}\p{Pi}"'„‚«‹¿¡—–―-] ?)+/u;
const SINGLE_UPPERCASE = /^\p{Lu}$/u;
const SINGLE_LOWERCASE = /^\p{Ll}$/u;
/** Two-letter initials written without a space, as in "A.B. Smith". Longer chains ("U.S.A.") may end a sentence. */
const INITIAL_PAIR = /^\p{Lu}\.\p{Lu}$/u;
/** Short letter runs each closed by a period ("Mr.", "e.g.", "J.-C."): something that may be an abbreviation. */
const ABBREVIATION_PIECE = /^(?:-?\p{L}[\p{L}\p{M}]{0,6}\.)+$/u;
const TRAILING_RUN = /[\p{L}\p{M}.-]*$/u;
const SPACED_INITIAL = /(?:^|[^\p{L}\p{M}])\p{Lu} \.$/u;
/** Dotted acronyms such as "C.P.S.U." — followed by "(B.)" they do not end the sentence. */
const DOTTED_ACRONYM = /(?:\p{Lu}\.){2,}$/u;
/** A list number alone ("3.", "IV."): it belongs to the item that follows. */
const LIST_NUMBER = /^(?:\d{1,3}|[IVXLCDM]{1,7})\.$/u;
/**
 * Dot leaders of a table of contents at the end of a fragment: two or more points after a blank, or
 * four or more. Three points right after a word are an ellipsis ("может... XI" ends a sentence).
 */
const DOT_LEADER_END = /(?:\s(?:\.[ \t]?){2,}|(?:\.[ \t]?){4,})$/u;
/** A page label alone: arabic or roman. */
const PAGE_LABEL = /^(?:\d{1,4}|[IVXLCDM]{1,7}|[ivxlcdm]{1,7})$/u;
/**
 * Languages whose dialogue opens each reply with a dash, even inside a paragraph: "— Куда? — Домой."
 * (Russian, French, Spanish, Italian, Polish…). English and German quote their dialogue instead,
 * and use dashes after a full stop for other things.
 */
const DASH_DIALOGUE_LANGUAGES = new Set(['ru', 'uk', 'be', 'bg', 'mk', 'sr', 'hr', 'bs', 'sl', 'pl', 'cs', 'sk', 'hu', 'ro', 'el', 'fr', 'es', 'ca', 'gl', 'it', 'pt']);
/**
 * A reply's dash after a sentence's final punctuation (and closing quotes), when the reply starts
 * with a capital: "…? — Разумеется." or "Нет. -- Да!". ICU never breaks before a dash (it takes
 * one for a sentence continuation), and with a lower-case word after the dash it is one: the
 * attribution in "— Браво! — сказал он." The match ends where the new sentence begins.
 */
const DIALOGUE_BREAK = /[.!?…][\p{Pe}\p{Pf}"'»]*\s*(?=(?:-{2,3}|[—–―])\s*[\p{Ps}\p{Pi}"'„«¿¡]*\p{Lu})/gu;
/**
 * A numbered item after a colon, as in "Задачи: 1. Собрать данные. 2. …": the number starts the
 * item's sentence rather than closing the introduction (ICU breaks after "1.", not before it).
 */
const LIST_AFTER_COLON = /:\s+(?=\d{1,3}[.)]\s+[\p{Ps}\p{Pi}"'„«]*\p{Lu})/gu;
/**
 * A sentence that begins with a number followed by a lower-case word, as in "…хуже. 30 сентября
 * выглянуло солнце." or "…in 1917. 20 people came.": ICU reads past the number to the lower-case
 * word and keeps the two sentences together.
 */
const NUMBER_START = /[.!?…][\p{Pe}\p{Pf}"'»]*\s+(?=\d{1,4}(?:-\p{L}{1,3})?\s\p{Ll})/gu;
/** An ellipsis character before a capital: ICU takes "…" for no sentence end at all, though it does "...". */
const ELLIPSIS_BREAK = /…[\p{Pe}\p{Pf}"'»]*\s+(?=[\p{Ps}\p{Pi}"'„«]*\p{Lu})/gu;
/** How many spaced pieces to glue back together when looking up an abbreviation ("т. е.", "op. cit."). */
const MAX_PIECES = 3;
/** Enough trailing characters to see MAX_PIECES abbreviation pieces. */
const TAIL_LENGTH = 40;

function isWhitespace(ch: string): boolean {
  return ch === ' ' || WHITESPACE.test(ch);
}

/**
 * Splits `text` into trimmed sentence ranges. Uses `Intl.Segmenter`, adds the
 * breaks it misses (replies of a dialogue written with dashes, "…" before a
 * capital, numbered items after a colon, a sentence that starts with a number)
 * and then removes the breaks it gets wrong for initials, abbreviations,
 * ellipses followed by lowercase, and punctuation-only fragments.
 *
 * Ranges cover every non-whitespace character of `text`, in order.
 */
export function sentenceRanges(text: string, language: string): SentenceRange[] {
  const ranges: SentenceRange[] = [];
  // Whether the last range holds a letter or digit, kept as ranges grow: a paragraph of many
  // fragments that all join ("!…!…!…") must not rescan the growing range at every join.
  let hasWordChar = false;
  const addFragment = (from: number, to: number): void => {
    let start = from;
    let end = to;
    while (start < end && isWhitespace(text.charAt(start))) start++;
    while (end > start && isWhitespace(text.charAt(end - 1))) end--;
    if (end === start) return;

    const previous = ranges[ranges.length - 1];
    const next = { start, end, hasWordChar: HAS_WORD_CHAR.test(text.slice(start, end)) };
    if (previous && shouldJoin(text, { ...previous, hasWordChar }, next, language)) {
      previous.end = end;
      hasWordChar ||= next.hasWordChar;
    } else {
      ranges.push({ start, end });
      hasWordChar = next.hasWordChar;
    }
  };

  const breaks = extraBreaks(text, language);
  let b = 0;
  for (const { segment, index } of sentenceSegmenter(language).segment(text)) {
    const segmentEnd = index + segment.length;
    let from = index;
    // ICU's segment is cut further where one of the sentences it misses begins inside it.
    for (; b < breaks.length && (breaks[b] ?? 0) < segmentEnd; b++) {
      const at = breaks[b] ?? 0;
      if (at <= from) continue;
      addFragment(from, at);
      from = at;
    }
    addFragment(from, segmentEnd);
  }
  return text.includes('[^') ? splitAfterFootnoteReferences(text, ranges) : ranges;
}

/**
 * Where a sentence may begin though ICU does not break there, ascending: before the dash of a
 * reply in languages that write dialogue with dashes, after an ellipsis character before a capital,
 * before a numbered item after a colon, and before a number that starts a sentence.
 * Each candidate still goes through {@link shouldJoin}, so that an abbreviation or an initial
 * before it keeps the sentence whole.
 */
function extraBreaks(text: string, language: string): number[] {
  const breaks: number[] = [];
  if (DASH_DIALOGUE_LANGUAGES.has(primaryLanguage(language)) && /--|[—–―]/u.test(text)) {
    for (const match of text.matchAll(DIALOGUE_BREAK)) breaks.push(match.index + match[0].length);
  }
  if (text.includes(':')) {
    for (const match of text.matchAll(LIST_AFTER_COLON)) breaks.push(match.index + match[0].length);
  }
  if (text.includes('…')) {
    for (const match of text.matchAll(ELLIPSIS_BREAK)) breaks.push(match.index + match[0].length);
  }
  if (/\d/u.test(text)) {
    for (const match of text.matchAll(NUMBER_START)) breaks.push(match.index + match[0].length);
  }
  return breaks.length > 1 ? breaks.sort((x, y) => x - y) : breaks;
}

/**
 * ICU never breaks in "old.[^1] It was": the reference after the full stop
 * hides the boundary. Markdown footnote references are common enough to
 * restore that break by hand; the reference stays with the sentence before.
 */
function splitAfterFootnoteReferences(text: string, ranges: SentenceRange[]): SentenceRange[] {
  const breaks: number[] = [];
  for (const match of text.matchAll(FOOTNOTE_REFERENCE_AFTER_STOP)) breaks.push(match.index + match[0].length);
  if (breaks.length === 0) return ranges;

  const out: SentenceRange[] = [];
  let b = 0;
  for (const range of ranges) {
    let start = range.start;
    for (; b < breaks.length && (breaks[b] ?? 0) < range.end; b++) {
      const at = breaks[b] ?? 0;
      if (at <= start) continue;
      out.push({ start, end: at });
      start = at;
      while (start < range.end && isWhitespace(text.charAt(start))) start++;
    }
    if (start < range.end) out.push({ start, end: range.end });
  }
  return out;
}

/**
 * Splits a paragraph into sentences. Whitespace runs (including line breaks)
 * are collapsed to single spaces and each sentence is trimmed; no sentence is
 * empty, and the sentences joined with spaces give back the paragraph's words
 * in order.
 *
 * @param paragraph plain text of one paragraph
 * @param language BCP 47 language tag of the text, e.g. "en", "ru", "de"
 */
export function splitSentences(paragraph: string, language: string): string[] {
  const text = collapseWhitespace(paragraph);
  if (text === '') return [];
  return sentenceRanges(text, language).map((r) => text.slice(r.start, r.end));
}

/** A range of the text and whether it holds a letter or digit. */
interface ScannedRange extends SentenceRange {
  hasWordChar: boolean;
}

/**
 * Whether the break ICU put between `prev` and `next` is wrong and the two belong to one sentence.
 * Reads only the tail of `prev` (which grows with every join) and each `next` once, so that
 * splitting stays linear in the paragraph's length.
 */
function shouldJoin(text: string, prev: ScannedRange, next: ScannedRange, language: string): boolean {
  // A fragment without any letter or digit (stray quote, "…", dot leaders) is never a sentence of its own.
  if (!prev.hasWordChar || !next.hasWordChar) return true;
  const nextText = text.slice(next.start, next.end);

  // End-anchored regexes are tried at every position of their input, so give them only the tail.
  const prevTail = text.slice(Math.max(prev.start, prev.end - TAIL_LENGTH), prev.end);
  const prevLength = prev.end - prev.start;

  // A break with no space after an opening bracket or inside a word ("C.P.S.U.(B.)" splits after the "(").
  // After a full stop or closing quote it may be a missing space, as in "(yes.)Then", so that break stays.
  if (prev.end === next.start && NO_BREAK_BEFORE_UNSPACED.test(prevTail)) return true;

  if (prevLength <= 8 && LIST_NUMBER.test(prevTail)) return true;
  // The page number of a contents entry (`Preface . . . . 13`) ends the entry; it is not a sentence.
  if (PAGE_LABEL.test(nextText) && DOT_LEADER_END.test(prevTail)) return true;
  if (nextText.startsWith('(') && DOTTED_ACRONYM.test(prevTail)) return true;

  const nextStart = firstWordChar(nextText);
  // Sentences do not begin in lowercase; this also keeps "etc. and", "ibid. p." and "… and" together.
  if (nextStart === 'lower') return true;

  if (spansAbbreviation(prevTail, nextText, language)) return true;
  const kind = trailingAbbreviation(prevTail, language);
  if (kind === 'always') return true;
  if (kind === 'conditional') return nextStart === 'digit' || nextStart === 'punctuation';
  return false;
}

type StartKind = 'lower' | 'upper' | 'digit' | 'punctuation' | 'other';

/** Classifies how a segment begins, looking past opening quotes and brackets. */
function firstWordChar(segment: string): StartKind {
  const stripped = segment.slice(0, 8).replace(OPENING_PUNCTUATION, '');
  const code = stripped.codePointAt(0);
  if (code === undefined) return 'punctuation';
  const ch = String.fromCodePoint(code);
  if (/\p{N}/u.test(ch)) return 'digit';
  if (/\p{Ll}/u.test(ch)) return 'lower';
  if (/\p{Lu}|\p{Lt}/u.test(ch)) return 'upper';
  if (/[\p{P}\p{S}]/u.test(ch)) return 'punctuation';
  return 'other';
}

/**
 * The period-terminated pieces at the end of `text` (at most `max`), e.g.
 * ["op.", "cit."] for "… see op. cit.", and the word before them. Only the
 * trailing letters of a token count, so "italics.—J." yields "J."; a token with
 * anything glued before its letters ends the chain (and leaves no word before it).
 */
function trailingPieces(text: string, max: number): { pieces: string[]; before: string } {
  const tokens = text.split(/\s+/u);
  const pieces: string[] = [];
  let i = tokens.length - 1;
  for (; i >= 0 && pieces.length < max; i--) {
    const token = tokens[i] ?? '';
    const run = TRAILING_RUN.exec(token)?.[0] ?? '';
    if (!ABBREVIATION_PIECE.test(run)) break;
    pieces.unshift(run);
    if (run.length !== token.length) return { pieces, before: '' };
  }
  return { pieces, before: tokens[i] ?? '' };
}

/**
 * If `segment` ends with an abbreviation or initial, how it behaves;
 * null when the final period is an ordinary full stop.
 */
function trailingAbbreviation(segment: string, language: string): 'always' | 'conditional' | null {
  if (!segment.endsWith('.')) return null;
  // OCR often detaches the period of an initial: "J . V. Stalin".
  if (SPACED_INITIAL.test(segment)) return 'always';
  const { pieces, before } = trailingPieces(segment, MAX_PIECES);
  const last = pieces[pieces.length - 1];
  if (last === undefined) return null;
  const core = last.slice(0, -1);

  // An initial: "J. V. Stalin", "U. S. S. R.". A capital letter alone is almost never a sentence's last word.
  if (SINGLE_UPPERCASE.test(core) || INITIAL_PAIR.test(core)) return 'always';

  // Glue spaced pieces back together, longest first: "op. cit." → "op.cit", "т. е." → "т.е".
  for (let count = pieces.length; count >= 2; count--) {
    const kind = abbreviationKind(pieces.slice(-count).join('').slice(0, -1), language);
    if (kind) return kind;
  }
  // A single piece: the word before it tells "1812 г." from "г. Москва", and "имени" from the pronoun "им".
  const previousWord = pieces.length === 1 ? before : (pieces[pieces.length - 2] ?? '');
  const kind = abbreviationKind(core, language, previousWord);
  if (kind) return kind;
  if (isAbbreviationWord(core, language)) return null;

  // A lone lowercase letter ("г." for a year in Russian, list items) usually abbreviates something.
  if (SINGLE_LOWERCASE.test(core)) return 'conditional';
  return null;
}

/** Whether `core` is in the tables at all (the context may still have ruled it out). */
function isAbbreviationWord(core: string, language: string): boolean {
  return abbreviationKind(core, language) !== null;
}

/**
 * Whether the break falls inside a known multi-piece abbreviation, as in
 * German "z. | B." or "d. | h.", where the piece after the break starts with a
 * capital or the second letter alone would not be recognised.
 */
function spansAbbreviation(prevText: string, nextText: string, language: string): boolean {
  const head = nextText.split(/\s/u, 1)[0] ?? '';
  if (!ABBREVIATION_PIECE.test(head)) return false;
  const { pieces } = trailingPieces(prevText, MAX_PIECES - 1);
  for (let count = 1; count <= pieces.length; count++) {
    if (abbreviationKind(pieces.slice(-count).join('') + head.slice(0, -1), language)) return true;
  }
  return false;
}

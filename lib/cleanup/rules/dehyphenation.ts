import { isAsteriskNoteLine } from './footnote-markers';
import { applyEdits, examplesOf } from '../text-edits';
import { splitLines, type TextLine } from '../text-lines';
import type { CleanupInput, RuleProposal, TextEdit } from '../types';
import { wordFrequencies } from '../word-frequencies';

/** A word broken at a line end: `counter-` / `revolution`, `“ultra- ` / `Lefts”` (anchored at word starts, so matching stays linear). */
const BREAK = /(?<!\p{L})(\p{L}+)-[ \t]*\r?\n[ \t]*(\p{L}+)/gu;
/** The first half of a word broken at the end of a line, before the page's foot: `govern-`. */
const LINE_END_HALF = /(?<![\p{L}-])(\p{L}+)-[ \t]*$/u;
/** Where a note's sentence ends (closing quotes and brackets allowed): the next line is the next page's text. */
const NOTE_END = /[.!?…][”’"'»)\]]*[ \t]*$/u;
/** The second half at the start of the next page's first line, with the punctuation glued to it: `ment,`. */
const SECOND_HALF = /^([ \t]*)(\p{Ll}+)(\S*)([ \t]*)/u;
/** A page's foot notes span a few lines. */
const MAX_NOTE_LINES = 6;

/** What the text itself says about its words, for deciding each break. */
interface Vocabulary {
  frequencies: Map<string, number>;
  /** How often each word begins a hyphenated compound elsewhere (`well` in `well-known`). */
  prefixes: Map<string, number>;
  /**
   * Whether a word can link the parts of a three-part compound (`to` in `well-to-do`, `in` in
   * `mother-in-law`): a word of two or three letters among the text's commonest (at least one
   * word in a thousand), a function word of its language.
   */
  isLinkWord: (word: string) => boolean;
}

/** How to rejoin one broken word. */
interface Decision {
  keepHyphen: boolean;
  /** Where in the first half a hyphen the OCR lost goes back (`wellto-` / `do` → `well-to-do`). */
  lostHyphenAt?: number;
}

/**
 * Rejoins words broken across a line end. The decision comes from the text itself: the joined
 * word written elsewhere → join without the hyphen; the hyphenated form written elsewhere → keep
 * the hyphen; neither → keep it before a capital (`Fischer-` / `Maslow`), after a prefix the
 * text uses in other hyphenated compounds or between two words the text uses alone, otherwise join. The line break is removed either way,
 * so the word is never split by it.
 *
 * Two more cases:
 * - a first half the text never writes, made of a prefix it hyphenates elsewhere and a short
 *   function word (one of its commonest words: `to`, `in`, `of`), before a second half it uses
 *   alone, is a three-part compound whose first hyphen the OCR lost: `wellto-` / `do` becomes
 *   `well-to-do` (`well-known` elsewhere; `to` common, `do` a word);
 * - a word broken at the foot of a page whose notes stand between its halves (`govern-` /
 *   `* My italics.` / `ment and…`): its second half, with the punctuation glued to it, moves up
 *   to the first, and the note stays where it is, between the page's text and the next page's.
 */
export function detectDehyphenation({ text }: CleanupInput): RuleProposal {
  const lines = splitLines(text);
  const acrossNotes = breaksAcrossNotes(lines);
  // The broken halves themselves must not count as words written elsewhere.
  // (One pass over the text: the breaks are in order, their halves apart.)
  const unbroken = applyEdits(
    text,
    acrossNotes.flatMap((found): TextEdit[] => [
      { start: found.hyphen - found.first.length, end: found.hyphen + 1, replacement: ' ', ruleId: 'dehyphenation' },
      { start: found.secondStart, end: found.secondStart + found.second.length, replacement: ' ', ruleId: 'dehyphenation' },
    ]),
  );
  const vocabulary = vocabularyOf(unbroken.replace(BREAK, ' '));
  const edits: TextEdit[] = [];
  let joined = 0;
  let kept = 0;
  let restored = 0;
  const count = (decision: Decision) => {
    if (decision.keepHyphen) kept++;
    else joined++;
    if (decision.lostHyphenAt !== undefined) restored++;
  };
  for (const match of text.matchAll(BREAK)) {
    const first = match[1] ?? '';
    const second = match[2] ?? '';
    // Word-level context: the compound may continue before the break ("anti-counter-").
    const lead = /[\p{L}-]*$/u.exec(text.slice(Math.max(0, match.index - 40), match.index))?.[0] ?? '';
    const decision = decide(vocabulary, lead, first, second);
    if (decision.lostHyphenAt !== undefined) edits.push({ start: match.index + decision.lostHyphenAt, end: match.index + decision.lostHyphenAt, replacement: '-', ruleId: 'dehyphenation' });
    const start = match.index + first.length;
    const end = match.index + match[0].length - second.length;
    edits.push({ start, end, replacement: decision.keepHyphen ? '-' : '', ruleId: 'dehyphenation' });
    count(decision);
  }
  for (const found of acrossNotes) {
    const decision = decide(vocabulary, '', found.first, found.second);
    const wordStart = found.hyphen - found.first.length;
    if (decision.lostHyphenAt !== undefined) edits.push({ start: wordStart + decision.lostHyphenAt, end: wordStart + decision.lostHyphenAt, replacement: '-', ruleId: 'dehyphenation' });
    edits.push({ start: found.hyphen, end: found.hyphenEnd, replacement: `${decision.keepHyphen ? '-' : ''}${found.second}${found.glued}`, ruleId: 'dehyphenation' });
    edits.push({ start: found.secondStart, end: found.secondEnd, replacement: '', ruleId: 'dehyphenation' });
    count(decision);
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const breaks = joined + kept;
  const across = acrossNotes.length > 0 ? `, ${acrossNotes.length} across page-foot notes` : '';
  const lost = restored > 0 ? `, ${restored} lost hyphen${restored === 1 ? '' : 's'} restored` : '';
  return {
    ruleId: 'dehyphenation',
    edits,
    count: breaks,
    examples: examplesOf(text, edits),
    summaryValues: { breaks, joined, kept, across: acrossNotes.length, restored },
    summary: breaks === 0 ? 'no line-break hyphens' : `${breaks} line-break hyphens (${joined} joined, ${kept} kept${across}${lost})`,
  };
}

function vocabularyOf(text: string): Vocabulary {
  const frequencies = wordFrequencies(text);
  const prefixes = new Map<string, number>();
  for (const [word, count] of frequencies) {
    const dash = word.indexOf('-');
    if (dash > 0) {
      const prefix = word.slice(0, dash);
      prefixes.set(prefix, (prefixes.get(prefix) ?? 0) + count);
    }
  }
  let total = 0;
  for (const count of frequencies.values()) total += count;
  const isLinkWord = (word: string) => word.length <= MAX_LINK_WORD_LENGTH && (frequencies.get(word) ?? 0) >= total * MIN_LINK_WORD_SHARE;
  return { frequencies, prefixes, isLinkWord };
}

const MAX_LINK_WORD_LENGTH = 3;
const MIN_LINK_WORD_SHARE = 0.001;

/** A prefix counts as one the text hyphenates when it begins at least this many hyphenated words. */
const MIN_PREFIX_USES = 2;

/** Whether to keep the hyphen of `first-` / `second` (after `lead`, the compound's earlier parts), and whether a hyphen was lost before it. */
function decide({ frequencies, prefixes, isLinkWord }: Vocabulary, lead: string, first: string, second: string): Decision {
  const head = (lead + first).toLowerCase();
  const tail = second.toLowerCase();
  const joinedCount = frequencies.get(head + tail) ?? 0;
  const hyphenCount = frequencies.get(`${head}-${tail}`) ?? 0;
  if (joinedCount !== hyphenCount) return { keepHyphen: hyphenCount > joinedCount };
  const isUsed = (word: string) => (frequencies.get(word) ?? 0) > 0;
  // Undecided by the text: a capital after the break (`Fischer-` / `Maslow`), a prefix the
  // text hyphenates elsewhere, or two words the text uses on their own (`well` + `known`)
  // make a compound; a fragment (`his-` / `torian`) is a broken word.
  const isWord = (part: string) => part.length >= 3 && isUsed(part.toLowerCase());
  if (/^\p{Lu}/u.test(second) || (prefixes.get(first.toLowerCase()) ?? 0) >= MIN_PREFIX_USES || (isWord(first) && isWord(second))) return { keepHyphen: true };
  const lostHyphenAt = lead === '' && isUsed(tail) && !isUsed(head) ? lostHyphen(head, (part) => (prefixes.get(part) ?? 0) >= MIN_PREFIX_USES, isLinkWord) : undefined;
  return lostHyphenAt === undefined ? { keepHyphen: false } : { keepHyphen: true, lostHyphenAt };
}

/**
 * Where `head` (a word the text never writes) splits into a prefix the text hyphenates and a
 * link word (`well` + `to`), when exactly one split does: the hyphen the OCR lost there.
 */
function lostHyphen(head: string, isPrefix: (part: string) => boolean, isLinkWord: (word: string) => boolean): number | undefined {
  let found: number | undefined;
  for (let at = 2; at <= head.length - 2; at++) {
    if (!isPrefix(head.slice(0, at)) || !isLinkWord(head.slice(at))) continue;
    if (found !== undefined) return undefined;
    found = at;
  }
  return found;
}

/** A word broken at a page's foot, its halves parted by the page's notes (offsets into the text). */
interface BreakAcrossNotes {
  first: string;
  /** Offset of the line-end hyphen, and of the end of the blanks after it. */
  hyphen: number;
  hyphenEnd: number;
  second: string;
  /** Punctuation (or a note marker) glued to the second half, moved up with it. */
  glued: string;
  /** The part of the next page's first line removed: the second half and the blanks around it, or the whole line. */
  secondStart: number;
  secondEnd: number;
}

/**
 * Finds `govern-` / note lines / `ment…`: a line ending in a hyphenated word part, followed by a
 * page-foot note (one or more lines from a line that begins with stars, up to the line that ends
 * its sentence; further notes of the same page may follow), followed by a line beginning in
 * lowercase. One pass over the lines.
 */
function breaksAcrossNotes(lines: readonly TextLine[]): BreakAcrossNotes[] {
  const found: BreakAcrossNotes[] = [];
  for (let k = 0; k + 2 < lines.length; k++) {
    const line = lines[k] as TextLine;
    if (!isAsteriskNoteLine(lines[k + 1]?.text ?? '')) continue;
    const half = LINE_END_HALF.exec(line.text);
    if (!half) continue;
    let j = k + 1;
    let noteLines = 0;
    // Each note runs from its stars to the line that ends its sentence; another note may follow.
    while (j < lines.length && noteLines < MAX_NOTE_LINES) {
      const note = lines[j] as TextLine;
      noteLines++;
      j++;
      if (NOTE_END.test(note.text) && !isAsteriskNoteLine(lines[j]?.text ?? '')) break;
    }
    const next = lines[j];
    if (!next || !NOTE_END.test(lines[j - 1]?.text ?? '')) continue;
    const second = SECOND_HALF.exec(next.text);
    if (!second) continue;
    const [whole, leading = '', letters = '', glued = ''] = second;
    // A second half broken again at its own line end is left to the ordinary rejoining.
    if (glued.endsWith('-')) continue;
    // A line that is only the second half goes whole, its line break with it.
    const isWholeLine = whole.length === next.text.length;
    found.push({
      first: half[1] ?? '',
      hyphen: line.start + half.index + (half[1]?.length ?? 0),
      hyphenEnd: line.end,
      second: letters,
      glued,
      secondStart: isWholeLine ? next.start : next.start + leading.length,
      secondEnd: isWholeLine ? next.next : next.start + whole.length,
    });
    k = j - 1;
  }
  return found;
}

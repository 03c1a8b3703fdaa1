import { blockExamples, followsClauseEnd, hasMarkdownSyntax, isHeadingParagraph, splitParagraphs, type TextParagraph } from './structure-text';
import { abbreviationKind } from '../../segment/segmenter/abbreviations';
import type { TextLine } from '../text-lines';
import type { BlockMark, CleanupFormat, CleanupInput, RuleProposal } from '../types';

/** A speaker's name has at most this many words ("Comrade Stalin", "H. G. Wells")… */
const MAX_NAME_WORDS = 3;
/** …and at most this many characters. */
const MAX_NAME_LENGTH = 40;
/** A dialogue has at least this many turns… */
const MIN_TURNS = 4;
/** …at least half of them answer another speaker… */
const MIN_ALTERNATION = 0.5;
/** …and turns make up at least this share of the paragraphs from its first turn to its last. */
const MIN_DENSITY = 0.25;
/** More paragraphs than this without a turn end a dialogue. */
const MAX_GAP = 12;
/** A name is written in lowercase in at most this share of its occurrences ("Yes", "Note" are words). */
const MAX_LOWERCASE_SHARE = 0.1;

/** A word of a name: a capital and letters ("O’Brien", "Jean-Paul"), or capitals ("WELLS"). */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;
const INITIAL = /^\p{Lu}\.$/u;
const ROMAN_NUMERAL = /^[IVXLCDM]+$/u;
const EMPHASIS = /^(?:\*\*|__|\*|_)/u;
/** A name's last word with its punctuation, emphasis around either ("Wells.", "**Wells:**", "**Wells**:"). */
const NAME_END = /^(.+?)(\*\*|__|\*|_)?([.:])(\*\*|__|\*|_)?$/u;
/** What may begin the words of a turn after `Name.`: a capital, a quotation mark, a dash or a bracket. */
const TURN_START_AFTER_STOP = /^[\p{Lu}“”"„«‘(—–-]/u;

/** A speaker's name at the start of a line, and where the words of the turn begin. */
interface SpeakerPrefix {
  name: string;
  /** Offset in the line where the turn's own words begin. */
  textStart: number;
}

interface Turn {
  line: TextLine;
  paragraph: number;
  name: string;
  key: string;
  textStart: number;
}

/**
 * Finds the turns of a dialogue: paragraphs that begin with a speaker's name followed by a full
 * stop or a colon ("Wells. I am…", "STALIN: Not so much…", "**Q:** …"), when a small set of
 * names takes turns: at least two speakers with two turns each, answering each other, turns
 * making up a good part of the paragraphs, in a stretch without headings. Ordinary sentences do
 * not qualify: abbreviations ("Mr. Smith said", "Fig. 2.") are no names, and neither is a word
 * the text also writes in lowercase ("Yes.", "Note:"). Paragraphs between two turns without a
 * name of their own continue the turn before them. The name is kept apart from the text as the
 * turn's speaker; proposes no edits.
 */
export function detectSpeakerTurns({ text, format, isLinePerParagraph = false }: CleanupInput): RuleProposal {
  const paragraphs = splitParagraphs(text, isLinePerParagraph);
  const turns = findTurns(text, paragraphs, format);
  const blocks: BlockMark[] = [];
  const speakers = new Map<string, string>();
  let turnCount = 0;
  for (const dialogue of dialoguesOf(turns, paragraphs, format)) {
    let turn = 0;
    for (let number = dialogue[0]?.paragraph ?? 0; number <= (dialogue.at(-1)?.paragraph ?? -1); number++) {
      (paragraphs[number] as TextParagraph).lines.forEach((line, index) => {
        const current = dialogue[turn];
        const previous = dialogue[turn - 1];
        if (current?.line === line) {
          speakers.set(current.key, current.name);
          blocks.push({ start: line.start, end: line.start + current.textStart, style: 'SPEAKER_TURN', speaker: current.name });
          turnCount++;
          turn++;
        } else if (index === 0 && previous) {
          // A paragraph of the same turn: it has no name of its own.
          blocks.push({ start: line.start, end: line.start + (line.text.length - line.text.trimStart().length), style: 'SPEAKER_TURN', speaker: previous.name });
        }
      });
    }
  }
  const names = [...speakers.values()];
  const further = blocks.length - turnCount;
  const firstTurns = names.slice(0, 5).flatMap((name) => blocks.filter((block) => block.speaker === name && block.end > block.start).slice(0, 1));
  return {
    ruleId: 'speaker-turns',
    edits: [],
    count: blocks.length,
    examples: blockExamples(text, firstTurns, (mark) => `speaker: ${mark.speaker ?? ''}`),
    summaryValues: { found: blocks.length === 0 ? 'no' : 'yes', turns: turnCount, speakers: names.length, names: `${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}`, further },
    summary:
      blocks.length === 0
        ? 'no dialogue'
        : `${turnCount} turns of ${names.length} speakers (${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''})${further > 0 ? `, with ${further} more ${further === 1 ? 'paragraph' : 'paragraphs'} of their turns` : ''}`,
    data: { blocks },
  };
}

/**
 * Lines that begin with a speaker's name: first every line that may begin a paragraph and reads
 * `Name. Words` strictly, then, once the names that recur are known, also those names written
 * without a space after them ("Stalin.To").
 */
function findTurns(text: string, paragraphs: readonly TextParagraph[], format: CleanupFormat): Turn[] {
  const starts: { line: TextLine; paragraph: number }[] = [];
  paragraphs.forEach((paragraph, number) => {
    if (isHeadingParagraph(paragraph, format)) return;
    paragraph.lines.forEach((line, index) => {
      if ((index === 0 || followsClauseEnd(paragraph.lines[index - 1])) && !hasMarkdownSyntax(line.text, format)) starts.push({ line, paragraph: number });
    });
  });
  const strict = starts.flatMap((start) => {
    const prefix = readSpeakerPrefix(start.line.text);
    return prefix ? [{ ...start, name: prefix.name, key: keyOf(prefix.name), textStart: prefix.textStart }] : [];
  });
  const counts = new Map<string, number>();
  for (const turn of strict) counts.set(turn.key, (counts.get(turn.key) ?? 0) + 1);
  // The first form of each recurring name; its words are looked up in the text once for all names.
  const recurring = new Map<string, string>();
  for (const turn of strict) if ((counts.get(turn.key) ?? 0) >= 2 && !recurring.has(turn.key)) recurring.set(turn.key, turn.name);
  const usage = wordUsage(text, [...recurring.values()].flatMap(countedWords));
  const isName = new Map<string, boolean>();
  for (const [key, name] of recurring) isName.set(key, isWrittenAsName(name, usage));
  const forms = new Set<string>();
  for (const turn of strict) if (isName.get(turn.key)) forms.add(turn.name);
  if ([...isName.values()].filter(Boolean).length < 2) return [];

  // Longest forms first, so "Mr. Wells" is not read as "Mr".
  const lengths = [...new Set([...forms].map((form) => form.length))].sort((a, b) => b - a);
  return starts.flatMap((start) => {
    const match = readKnownSpeaker(start.line.text, forms, lengths);
    if (!match || match.textStart >= start.line.text.length) return [];
    return [{ ...start, name: match.name, key: keyOf(match.name), textStart: match.textStart }];
  });
}

const LEADING_SPACE = /^\s*/u;
const EMPHASES = ['**', '__', '*', '_', ''] as const;
/** What follows a known name: its full stop or colon (emphasis around either), then the turn's first word. */
const AFTER_KNOWN_NAME = /(?:\*\*|__|\*|_)?[.:](?:\*\*|__|\*|_)?\s*(?=[\p{Lu}“”"„«‘(—–\d])/uy;

/**
 * A line that begins with one of the known names (`forms`), even without a space after its full
 * stop ("Stalin.To"): the name and where the turn's words begin, or null. The longest name wins
 * (`lengths`: the lengths of the forms, longest first). Names are looked up by their length, not
 * tried one by one (one regular expression with every name as an alternative cost names × lines).
 */
function readKnownSpeaker(line: string, forms: ReadonlySet<string>, lengths: readonly number[]): { name: string; textStart: number } | null {
  const leading = LEADING_SPACE.exec(line)?.[0].length ?? 0;
  for (const emphasis of EMPHASES) {
    if (!line.startsWith(emphasis, leading)) continue;
    const from = leading + emphasis.length;
    for (const length of lengths) {
      const name = line.slice(from, from + length);
      if (name.length < length || !forms.has(name)) continue;
      AFTER_KNOWN_NAME.lastIndex = from + length;
      const after = AFTER_KNOWN_NAME.exec(line);
      if (after) return { name, textStart: from + length + after[0].length };
    }
  }
  return null;
}

/**
 * The speaker's name a line begins with, or null: one to three capitalised words (initials and
 * titles such as "H." or "Mr." inside), then a full stop or a colon and a space, then the words
 * of the turn. The shortest such name wins, so in "Stalin. Yes. I see" the name is "Stalin".
 */
export function readSpeakerPrefix(line: string): SpeakerPrefix | null {
  const leading = line.length - line.trimStart().length;
  const opener = EMPHASIS.exec(line.slice(leading))?.[0] ?? '';
  let cursor = leading + opener.length;
  const words: string[] = [];
  for (let k = 0; k < MAX_NAME_WORDS; k++) {
    const word = /^\S+/u.exec(line.slice(cursor))?.[0];
    if (!word) return null;
    const end = NAME_END.exec(word);
    const last = end?.[1];
    if (end && last) {
      const punctuation = end[3] as '.' | ':';
      const name = [...words, last].join(' ');
      const after = line.slice(cursor + word.length);
      const rest = after.trimStart();
      if (after !== rest && rest !== '' && isNameOfSpeaker(words, last, punctuation) && name.length <= MAX_NAME_LENGTH && startsTurn(rest, punctuation)) {
        return { name, textStart: line.length - rest.length };
      }
    }
    if (!isInnerNameWord(word)) return null;
    words.push(word);
    cursor += word.length;
    const gap = /^[ \t\u00a0]/u.exec(line.slice(cursor));
    if (!gap) return null;
    cursor += 1;
  }
  return null;
}

function isNameOfSpeaker(inner: readonly string[], last: string, punctuation: '.' | ':'): boolean {
  if (!NAME_WORD.test(last)) return false;
  // "IV." numbers a section; a single letter with a full stop is an initial ("A. Smith"), with a colon a speaker ("Q:").
  if (ROMAN_NUMERAL.test(last) && last.length > 1) return false;
  if (last.length === 1 && punctuation === '.') return false;
  if (punctuation === '.' && inner.length === 0 && abbreviationKind(last, 'en') !== null) return false;
  return true;
}

/** A word inside a name: a capitalised word, an initial ("H."), or a title ("Mr.", "Dr."). */
function isInnerNameWord(word: string): boolean {
  if (NAME_WORD.test(word)) return true;
  if (INITIAL.test(word)) return true;
  return word.endsWith('.') && NAME_WORD.test(word.slice(0, -1)) && abbreviationKind(word.slice(0, -1), 'en') === 'always';
}

function startsTurn(rest: string, punctuation: '.' | ':'): boolean {
  if (punctuation === '.') return TURN_START_AFTER_STOP.test(rest);
  // After a colon a number may begin the turn, but not a lowercase word ("Note: see below").
  return !/^\p{Ll}/u.test(rest);
}

/** The words of a name whose lowercase use decides whether it is a name: not initials or titles, not single letters. */
function countedWords(name: string): string[] {
  return name.split(' ').filter((word) => !word.endsWith('.') && word.length > 1);
}

/**
 * Whether the text writes `name` as a name: capitals (a label such as "WELLS"), or words that are
 * (almost) never written in lowercase in the text ("Wells" is a name, "Yes" and "Further" are not).
 */
function isWrittenAsName(name: string, usage: ReadonlyMap<string, WordUsage>): boolean {
  const words = countedWords(name);
  if (words.every((word) => word === word.toUpperCase())) return true;
  return words.every((word) => {
    const { all, lowercase } = usage.get(word.toLowerCase()) ?? { all: 0, lowercase: 0 };
    return lowercase <= all * MAX_LOWERCASE_SHARE;
  });
}

interface WordUsage {
  all: number;
  lowercase: number;
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const NAME_CHAR = /[\p{L}\p{M}'’-]/u;

/**
 * How often each of `words` (letters, apostrophes and hyphens) stands in `text` as a whole word —
 * not inside a longer run of letters — in any case, and how often in lowercase; occurrences of one
 * word do not overlap. One pass over the text for all the words: a search of the whole text per
 * name was quadratic in a text of many names.
 */
function wordUsage(text: string, words: readonly string[]): Map<string, WordUsage> {
  const usage = new Map<string, WordUsage & { end: number }>();
  for (const word of words) usage.set(word.toLowerCase(), { all: 0, lowercase: 0, end: 0 });
  if (usage.size === 0) return usage;
  const longest = words.reduce((most, word) => Math.max(most, word.length), 0);
  let previousIsLetter = false;
  for (let start = 0; start < text.length; ) {
    const first = String.fromCodePoint(text.codePointAt(start) ?? 0);
    const isLetter = LETTER_OR_MARK.test(first);
    if (isLetter && !previousIsLetter) {
      // Every end within reach where the word stops before something that is no letter.
      for (let end = start; end < text.length && end - start <= longest; ) {
        const char = String.fromCodePoint(text.codePointAt(end) ?? 0);
        if (!NAME_CHAR.test(char)) break;
        end += char.length;
        const following = end < text.length ? String.fromCodePoint(text.codePointAt(end) ?? 0) : '';
        if (following !== '' && LETTER_OR_MARK.test(following)) continue;
        const found = text.slice(start, end);
        const entry = usage.get(found.toLowerCase());
        if (!entry || start < entry.end) continue;
        entry.all += 1;
        if (found === found.toLowerCase()) entry.lowercase += 1;
        entry.end = end;
      }
    }
    previousIsLetter = isLetter;
    start += first.length;
  }
  return usage;
}

/**
 * The dialogues among the turns: stretches without a heading and without long gaps, in which
 * turns are frequent, at least two speakers have two turns each, and speakers take turns.
 */
function dialoguesOf(turns: readonly Turn[], paragraphs: readonly TextParagraph[], format: CleanupFormat): Turn[][] {
  // headingsBefore[k]: how many headings come before paragraph k.
  const headingsBefore = [0];
  paragraphs.forEach((paragraph, k) => headingsBefore.push((headingsBefore[k] ?? 0) + (isHeadingParagraph(paragraph, format) ? 1 : 0)));
  const stretches: Turn[][] = [];
  let stretch: Turn[] = [];
  for (const turn of turns) {
    const last = stretch.at(-1);
    const isCut = last !== undefined && (turn.paragraph - last.paragraph - 1 > MAX_GAP || (headingsBefore[turn.paragraph] ?? 0) > (headingsBefore[last.paragraph] ?? 0));
    if (isCut) {
      stretches.push(stretch);
      stretch = [];
    }
    stretch.push(turn);
  }
  stretches.push(stretch);
  return stretches.filter(isDialogue);
}

function isDialogue(turns: readonly Turn[]): boolean {
  const first = turns[0];
  const last = turns.at(-1);
  if (!first || !last || turns.length < MIN_TURNS) return false;
  const counts = new Map<string, number>();
  for (const turn of turns) counts.set(turn.key, (counts.get(turn.key) ?? 0) + 1);
  if ([...counts.values()].filter((count) => count >= 2).length < 2) return false;
  let changes = 0;
  for (let k = 1; k < turns.length; k++) if (turns[k]?.key !== turns[k - 1]?.key) changes++;
  if (changes < (turns.length - 1) * MIN_ALTERNATION) return false;
  const span = last.paragraph - first.paragraph + 1;
  return new Set(turns.map((turn) => turn.paragraph)).size >= span * MIN_DENSITY;
}

function keyOf(name: string): string {
  return name.toLowerCase();
}

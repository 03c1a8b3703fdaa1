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
  const isName = new Map<string, boolean>();
  const forms = new Set<string>();
  for (const turn of strict) {
    if ((counts.get(turn.key) ?? 0) < 2) continue;
    if (!isName.has(turn.key)) isName.set(turn.key, isWrittenAsName(turn.name, text));
    if (isName.get(turn.key)) forms.add(turn.name);
  }
  if ([...isName.values()].filter(Boolean).length < 2) return [];

  // Longest forms first, so "Mr. Wells" is not read as "Mr".
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const loose = new RegExp(`^\\s*(?:\\*\\*|__|\\*|_)?(${alternatives})(?:\\*\\*|__|\\*|_)?[.:](?:\\*\\*|__|\\*|_)?\\s*(?=[\\p{Lu}“”"„«‘(—–\\d])`, 'u');
  return starts.flatMap((start) => {
    const match = loose.exec(start.line.text);
    const name = match?.[1];
    if (!match || !name || match[0].length >= start.line.text.length) return [];
    return [{ ...start, name, key: keyOf(name), textStart: match[0].length }];
  });
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

/**
 * Whether the text writes `name` as a name: capitals (a label such as "WELLS"), or words that are
 * (almost) never written in lowercase in the text ("Wells" is a name, "Yes" and "Further" are not).
 */
function isWrittenAsName(name: string, text: string): boolean {
  const words = name.split(' ').filter((word) => !word.endsWith('.') && word.length > 1);
  if (words.every((word) => word === word.toUpperCase())) return true;
  return words.every((word) => {
    const pattern = new RegExp(`(?<![\\p{L}\\p{M}])${escapeRegExp(word)}(?![\\p{L}\\p{M}])`, 'giu');
    let lowercase = 0;
    let all = 0;
    for (const match of text.matchAll(pattern)) {
      all++;
      if (match[0] === match[0].toLowerCase()) lowercase++;
    }
    return lowercase <= all * MAX_LOWERCASE_SHARE;
  });
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

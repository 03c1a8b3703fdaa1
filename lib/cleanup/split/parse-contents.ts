/**
 * Finds and reads the table of contents of a volume: lines whose entries end in a page number after
 * dot leaders (or after a run of spaces), with titles wrapped over several lines, and, after line
 * joining, sometimes two entries on one line.
 */
import { isBlank, type TextLine } from '../text-lines';
import { parsePageNumber } from './page-locator';
import { titleTokens } from './title-tokens';

/** One entry of a table of contents. */
export interface ContentsEntry {
  /** The title as printed in the contents, wrapped lines joined, leaders and page number removed. */
  title: string;
  /** The printed page it refers to ("13", "XIII"); null when the entry has none. */
  page: string | null;
  /** 1 for an item of the volume (a work, the preface, the notes), 2 and more for its sections. */
  level: number;
}

/** A table of contents found in a text. */
export interface ContentsBlock {
  /** Offset where the block begins (its first entry, or the heading "Contents" right above it). */
  start: number;
  /** Offset just after its last entry. */
  end: number;
  entries: ContentsEntry[];
}

/** Dot leaders: two or more points (or ellipses, middle dots, underscores), spaced or not. */
const LEADER = String.raw`(?:[ \t]*[.·…_][ \t]*){2,}`;
const PAGE = String.raw`(?:\d{1,4}|[IVXLCDM]{1,7}|[ivxlcdm]{1,7})`;
/** A page number after leaders, anywhere on the line: strong evidence of an entry end. */
const LEADER_PAGE = new RegExp(String.raw`${LEADER}(${PAGE})(?=[ \t]*$|[ \t]+\S)`, 'gu');
/** A page number after a run of spaces or a tab at the end of the line (tabular contents). */
const SPACED_PAGE = new RegExp(String.raw`(?:[ \t]{2,}|\t)(${PAGE})[ \t]*$`, 'u');
/**
 * A bare arabic page number: at the end of the line, or where line joining glued the next entry
 * (an enumerated section, "123 I. Two Periods") onto it. Weak evidence, checked against the order of
 * page numbers before it is believed.
 */
const BARE_PAGE = /[ \t](\d{1,4})(?=[ \t]*$|[ \t]+(?:[IVXLC]{1,6}|\d{1,2})\.[ \t])/gu;
/** Lines that head a contents block or its page column, never part of a title. */
const HEADING = /^(?:(?:table of )?contents|page|pages|p\.|pp\.|содержание|оглавление|стр\.?|inhalt|table des matières|sommaire)$/iu;

interface Terminator {
  /** Offset in the line where the leaders (or the space before the number) begin. */
  index: number;
  /** Offset in the line just after the page number. */
  after: number;
  page: string;
  strong: boolean;
}

/** Entry ends on one line, in order; the strong kinds win where they overlap a weak one. */
function terminators(line: string): Terminator[] {
  const found: Terminator[] = [];
  for (const match of line.matchAll(LEADER_PAGE)) {
    found.push({ index: match.index, after: match.index + match[0].length, page: match[1] ?? '', strong: true });
  }
  const spaced = SPACED_PAGE.exec(line);
  if (spaced && !found.some((t) => t.after >= spaced.index)) {
    found.push({ index: spaced.index, after: spaced.index + spaced[0].trimEnd().length, page: spaced[1] ?? '', strong: true });
  }
  for (const match of line.matchAll(BARE_PAGE)) {
    const after = match.index + match[0].length;
    if (found.some((t) => match.index < t.after && after > t.index)) continue;
    // A number alone on its line is a page number left by the PDF, not an entry end.
    if (line.slice(0, match.index).trim().length === 0) continue;
    found.push({ index: match.index, after, page: match[1] ?? '', strong: false });
  }
  return found.sort((a, b) => a.index - b.index);
}

interface Piece {
  text: string;
  page: string;
  strong: boolean;
  offset: number;
}

/** The page as a number for order checks; roman front-matter pages come before every arabic page. */
function pageOrder(page: string): number | null {
  const number = parsePageNumber(page);
  if (!number) return null;
  return number.system === 'roman' ? number.value - 10_000 : number.value;
}

/**
 * Drops weak entry ends that break the page order: a year at the end of a wrapped title line
 * ("…, July 15, 1926" before ". . . 185") is larger than the page of the entry that follows it.
 */
function mergeImplausible(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i];
    if (!piece) continue;
    const value = pageOrder(piece.page);
    const nextValue = pageOrder(pieces[i + 1]?.page ?? '');
    const previousValue = pageOrder(out.at(-1)?.page ?? '');
    const next = pieces[i + 1];
    const implausible =
      !piece.strong &&
      next !== undefined &&
      value !== null &&
      ((nextValue !== null && value > nextValue) || (previousValue !== null && value < previousValue));
    if (implausible) {
      pieces[i + 1] = { ...next, text: `${piece.text} ${piece.page} ${next.text}`, offset: piece.offset };
      continue;
    }
    out.push(piece);
  }
  return out;
}

/** Collapses white space and trims stray leader points and separators from a title. */
function cleanTitle(text: string): string {
  return text.replace(/\s+/gu, ' ').replace(/^[\s.·…_]+|[\s.·…_,;:]+$/gu, '').trim();
}

type EntryStyle = 'caps' | 'plain' | 'roman' | 'arabic';

/** Names of the editorial parts that are items of a volume whatever case they are printed in. */
const APPARATUS =
  /^(?:preface|foreword|introduction|editors? note|publishers? note|from the publishers?|notes?|endnotes|index|name index|subject index|bibliography|references|glossary|(?:biographical )?chronicle|chronology|appendix|appendices|afterword|contents)\b/u;

/** Whether a contents title names an editorial part (preface, notes, index, chronicle…). */
export function isApparatusTitle(title: string): boolean {
  const tokens = titleTokens(title);
  return tokens.length > 0 && tokens.length <= 6 && APPARATUS.test(tokens.join(' '));
}

/** Whether the first words of a title (before any subtitle in plain case) are printed in capitals. */
function startsInCapitals(title: string): boolean {
  const words = title.split(/\s+/u).filter((word) => /\p{L}/u.test(word)).slice(0, 3);
  const letters = words.join('').replace(/[^\p{L}]/gu, '');
  if (letters.length < 4) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.8;
}

/**
 * Gives each entry its level. Enumerated entries ("I. …", "2. …", a bare "II") are sections when
 * their numbers run in sequence (a lone "V. I. LENIN" is an author, not section five). When the
 * volume prints its items in capitals, plain-case entries under an item are its sections too, unless
 * they name an editorial part such as the notes.
 */
function assignLevels(raw: { title: string; page: string | null }[]): ContentsEntry[] {
  let lastRoman = 0;
  let lastArabic = 0;
  const styles: EntryStyle[] = raw.map((entry) => {
    const roman = /^([IVXLC]{1,6})(?:\.[ \t]|[ \t]*$)/u.exec(entry.title);
    const romanValue = roman ? parsePageNumber(roman[1] ?? '')?.value : undefined;
    if (romanValue !== undefined && (romanValue === 1 || romanValue === lastRoman + 1)) {
      lastRoman = romanValue;
      lastArabic = 0;
      return 'roman';
    }
    const arabic = /^(\d{1,2})[.)][ \t]/u.exec(entry.title);
    const arabicValue = arabic ? Number(arabic[1]) : undefined;
    if (arabicValue !== undefined && (arabicValue === 1 || arabicValue === lastArabic + 1)) {
      lastArabic = arabicValue;
      return 'arabic';
    }
    lastRoman = 0;
    lastArabic = 0;
    return startsInCapitals(entry.title) ? 'caps' : 'plain';
  });
  const unnumbered = styles.filter((style) => style === 'caps' || style === 'plain');
  const capsCount = unnumbered.filter((style) => style === 'caps').length;
  const capsItems = capsCount >= 2 && capsCount >= 0.4 * unnumbered.length;

  const entries: ContentsEntry[] = [];
  let insideItem = false;
  let stack: EntryStyle[] = [];
  raw.forEach((entry, index) => {
    const style = styles[index] ?? 'plain';
    const apparatus = isApparatusTitle(entry.title);
    const item =
      apparatus ||
      style === 'caps' ||
      (style === 'plain' && (!capsItems || !insideItem)) ||
      // A volume whose contents hold only numbered entries: its items are the outermost numbers.
      (!insideItem && unnumbered.length === 0);
    if (item) {
      insideItem = true;
      stack = [];
      entries.push({ title: entry.title, page: entry.page, level: 1 });
      return;
    }
    const depth = stack.indexOf(style);
    if (depth >= 0) stack = stack.slice(0, depth + 1);
    else stack.push(style);
    entries.push({ title: entry.title, page: entry.page, level: 1 + stack.length });
  });
  return entries;
}

const MAX_GAP_LINES = 4;
const MAX_WRAPPED_LINES = 4;
const MIN_ENTRIES = 3;
const MAX_ENTRY_LINE = 160;

/**
 * Finds the table of contents among the lines of a text: the longest run of lines ending entries,
 * allowing a few wrapped title lines between them. Null when no run has at least three entries.
 */
export function findContents(lines: readonly TextLine[]): ContentsBlock | null {
  const lineTerminators = lines.map((line) => terminators(line.text));
  let best: { from: number; to: number; strong: number } | null = null;
  let runFrom = -1;
  let lastEntry = -1;
  let lastStrong = -1;
  let strong = 0;
  const closeRun = () => {
    if (runFrom >= 0 && strong >= MIN_ENTRIES && (!best || strong > best.strong)) best = { from: runFrom, to: lastStrong, strong };
    runFrom = -1;
  };
  for (let i = 0; i < lines.length; i += 1) {
    const found = lineTerminators[i] ?? [];
    const strongHere = found.filter((t) => t.strong).length;
    // A long line ending in a number is prose ending in a year, not a wrapped entry.
    const weakEntry = found.length > 0 && (lines[i]?.text.length ?? 0) <= MAX_ENTRY_LINE;
    if (strongHere === 0 && !weakEntry) continue;
    if (runFrom >= 0 && i - lastEntry > MAX_GAP_LINES) closeRun();
    // Runs begin and end on a line with leaders, so prose ending in years cannot extend them.
    if (runFrom < 0) {
      if (strongHere === 0) continue;
      runFrom = i;
      strong = 0;
    }
    lastEntry = i;
    if (strongHere > 0) lastStrong = i;
    strong += strongHere;
  }
  closeRun();
  const run = best as { from: number; to: number } | null;
  if (!run) return null;

  // Wrapped lines of the first title stand right above the first entry line.
  let from = run.from;
  while (from > 0 && run.from - from < MAX_WRAPPED_LINES) {
    const above = lines[from - 1]?.text.trim() ?? '';
    if (above.length === 0 || HEADING.test(above) || /[.!?:]$/u.test(above)) break;
    from -= 1;
  }
  let start = lines[from]?.start ?? 0;
  const headingAbove = lines[from - 1];
  if (headingAbove && HEADING.test(headingAbove.text.trim())) start = headingAbove.start;

  const pieces: Piece[] = [];
  let pending = '';
  let pendingOffset = -1;
  for (let i = from; i <= run.to; i += 1) {
    const line = lines[i];
    if (!line || isBlank(line.text) || HEADING.test(line.text.trim())) continue;
    let cursor = 0;
    for (const end of lineTerminators[i] ?? []) {
      const text = `${pending} ${line.text.slice(cursor, end.index)}`;
      pieces.push({ text, page: end.page, strong: end.strong, offset: pendingOffset >= 0 ? pendingOffset : line.start + cursor });
      pending = '';
      pendingOffset = -1;
      cursor = end.after;
    }
    const rest = line.text.slice(cursor);
    if (rest.trim().length > 0) {
      if (pendingOffset < 0) pendingOffset = line.start + cursor;
      pending = `${pending} ${rest}`;
    }
  }

  const raw = mergeImplausible(pieces)
    .map((piece) => ({ title: cleanTitle(piece.text), page: piece.page }))
    .filter((entry) => entry.title.length > 0);
  if (raw.length < MIN_ENTRIES) return null;
  return { start, end: lines[run.to]?.end ?? start, entries: assignLevels(raw) };
}

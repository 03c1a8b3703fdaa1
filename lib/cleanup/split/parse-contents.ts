/**
 * Finds and reads the table of contents of a volume: lines whose entries end in a page number after
 * dot leaders (or after a run of spaces or a tab), with titles wrapped over several lines, and, after
 * line joining, sometimes two entries on one line; failing those, a contents without leaders — the
 * page after one space, or alone on the line below the title — under stricter conditions.
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

/**
 * Dot leaders: two or more points (or ellipses, middle dots, underscores), spaced or not, matched
 * from the first character of a run of points and blanks only. Written as `(?:[ \t]*[.·…_][ \t]*){2,}`
 * the blanks between two points could go to either point, so a leader that ends in no page number
 * was retried in exponentially many ways (a line of forty spaced points took hours); and tried
 * from every point of a run it was quadratic.
 */
const LEADER = String.raw`(?<![ \t.·…_])[ \t]*[.·…_](?:[ \t]*[.·…_])+[ \t]*`;
const PAGE = String.raw`(?:\d{1,4}|[IVXLCDM]{1,7}|[ivxlcdm]{1,7})`;
/** A page number after leaders, anywhere on the line: strong evidence of an entry end. */
const LEADER_PAGE = new RegExp(String.raw`${LEADER}(${PAGE})(?=[ \t]*$|[ \t]+\S)`, 'gu');
/**
 * A page number after a run of spaces or a tab at the end of the line (tabular contents), the run
 * matched from its first blank (from every blank of a long run it was quadratic).
 */
const SPACED_PAGE = new RegExp(String.raw`(?<![ \t])(?:[ \t]{2,}|\t)(${PAGE})[ \t]*$`, 'u');
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
  // The strong ends are in line order and do not overlap, and so are the bare numbers: one pass
  // finds the strong end each number could overlap (comparing with every end was quadratic on a
  // long line of numbers).
  const strong = [...found];
  const firstText = line.search(/\S/u);
  let next = 0;
  for (const match of line.matchAll(BARE_PAGE)) {
    const after = match.index + match[0].length;
    while (next < strong.length && (strong[next]?.after ?? 0) <= match.index) next += 1;
    if ((strong[next]?.index ?? Number.POSITIVE_INFINITY) < after) continue;
    // A number alone on its line is a page number left by the PDF, not an entry end.
    if (firstText < 0 || firstText >= match.index) continue;
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
  const collapsed = text.replace(/\s+/gu, ' ');
  // Trimmed by hand: `[\s.·…_,;:]+$` was tried from every character of a long run of points.
  let start = 0;
  while (start < collapsed.length && LEADING_JUNK.test(collapsed.charAt(start))) start += 1;
  let end = collapsed.length;
  while (end > start && TRAILING_JUNK.test(collapsed.charAt(end - 1))) end -= 1;
  return collapsed.slice(start, end).trim();
}

const LEADING_JUNK = /[\s.·…_]/u;
const TRAILING_JUNK = /[\s.·…_,;:]/u;

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
 * allowing a few wrapped title lines between them. Entries with dot leaders or a column of page
 * numbers are read first; a contents without them (a title and its page after one space, or the
 * page on the line below the title) is looked for only when there is none, and believed only under
 * stricter conditions ({@link findPlainContents}). Null when no run has at least three entries.
 */
export function findContents(lines: readonly TextLine[]): ContentsBlock | null {
  const lineTerminators = lines.map((line) => terminators(line.text));
  const run = findMarkedRun(lines, lineTerminators);
  if (!run) return findPlainContents(lines, lineTerminators);

  // Wrapped lines of the first title stand right above the first entry line.
  let from = run.from;
  while (from > 0 && run.from - from < MAX_WRAPPED_LINES) {
    const above = lines[from - 1]?.text.trim() ?? '';
    if (above.length === 0 || HEADING.test(above) || /[.!?:]$/u.test(above)) break;
    from -= 1;
  }
  const pieces = readPieces(lines, from, run.to, (i) => lineTerminators[i] ?? []);
  const raw = mergeImplausible(pieces)
    .map((piece) => ({ title: cleanTitle(piece.text), page: piece.page }))
    .filter((entry) => entry.title.length > 0);
  if (raw.length < MIN_ENTRIES) return null;
  return { start: blockStart(lines, from), end: lines[run.to]?.end ?? 0, entries: assignLevels(raw) };
}

/**
 * The longest run of entry lines that begins and ends on a line with dot leaders or a spaced page
 * number, so that prose ending in years cannot make or extend one; weak entry ends (a bare number)
 * inside it count as entries too.
 */
function findMarkedRun(lines: readonly TextLine[], lineTerminators: readonly Terminator[][]): { from: number; to: number } | null {
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
  return best;
}

/**
 * Where a contents block whose first title line is `from` begins: at the heading "Contents" right
 * above it (or, with `blankLines`, that many blank lines above), if any.
 */
function blockStart(lines: readonly TextLine[], from: number, blankLines = 0): number {
  let above = from - 1;
  for (let skipped = 0; skipped < blankLines && above >= 0 && isBlank(lines[above]?.text ?? ''); skipped += 1) above -= 1;
  const heading = lines[above];
  if (heading && HEADING.test(heading.text.trim())) return heading.start;
  return lines[from]?.start ?? 0;
}

/** The entries of lines `from`..`to`: the text since the last entry end, up to each entry end. */
function readPieces(lines: readonly TextLine[], from: number, to: number, endsOf: (index: number) => readonly Terminator[]): (Piece & { titleLines: number })[] {
  const pieces: (Piece & { titleLines: number })[] = [];
  let pending = '';
  let pendingOffset = -1;
  let pendingLines = 0;
  for (let i = from; i <= to; i += 1) {
    const line = lines[i];
    if (!line || isBlank(line.text) || HEADING.test(line.text.trim())) continue;
    let cursor = 0;
    for (const end of endsOf(i)) {
      const own = line.text.slice(cursor, end.index);
      const titleLines = pendingLines + (own.trim().length > 0 ? 1 : 0);
      pieces.push({ text: `${pending} ${own}`, page: end.page, strong: end.strong, offset: pendingOffset >= 0 ? pendingOffset : line.start + cursor, titleLines });
      pending = '';
      pendingOffset = -1;
      pendingLines = 0;
      cursor = end.after;
    }
    const rest = line.text.slice(cursor);
    if (rest.trim().length > 0) {
      if (pendingOffset < 0) pendingOffset = line.start + cursor;
      pending = `${pending} ${rest}`;
      pendingLines += 1;
    }
  }
  return pieces;
}

/** A page number alone on its line. */
const ALONE_PAGE = new RegExp(String.raw`^[ \t]*(${PAGE})[ \t]*$`, 'u');
/**
 * A front-matter page in lower-case roman numerals (i to xcix, written as such: "mix" or "did" are
 * words) after one space at the end of a line: "Preface v".
 */
const FRONT_MATTER_PAGE = /[ \t]((?=[ivxl])(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))[ \t]*$/u;
/** Lines a plain contents entry's title may take. */
const MAX_PLAIN_TITLE_LINES = MAX_WRAPPED_LINES;
/** Entries a plain contents needs without the heading "Contents" above it, and with it. */
const MIN_PLAIN_ENTRIES = 5;
const MIN_PLAIN_ENTRIES_UNDER_HEADING = 3;

/**
 * Where a line ends an entry of a contents without leaders: a page number after one space at the
 * end of a short line ("A Letter to the Editors 3", "Preface v"), or a page number alone on its line ending the
 * title on the lines above ("A Letter to the Editors" / "3"). A title's own last number is no page
 * when the page follows on the next line ("…, May 1, 1926" / "4").
 */
function plainTerminators(lines: readonly TextLine[], lineTerminators: readonly Terminator[][]): Terminator[][] {
  const alone = lines.map((line) => ALONE_PAGE.exec(line.text));
  const nextText = (i: number) => {
    for (let k = i + 1; k < lines.length && k <= i + 2; k += 1) if (!isBlank(lines[k]?.text ?? '')) return k;
    return -1;
  };
  return lines.map((line, i) => {
    const aloneHere = alone[i];
    if (aloneHere) {
      const index = line.text.indexOf(aloneHere[1] ?? '');
      return [{ index, after: index + (aloneHere[1]?.length ?? 0), page: aloneHere[1] ?? '', strong: false }];
    }
    if (line.text.trimEnd().length > MAX_ENTRY_LINE) return [];
    const next = nextText(i);
    if (next >= 0 && alone[next]) return [];
    const roman = FRONT_MATTER_PAGE.exec(line.text);
    if (roman?.[1] && /\p{L}/u.test(line.text.slice(0, roman.index))) return [{ index: roman.index, after: roman.index + roman[0].trimEnd().length, page: roman[1], strong: false }];
    // Line joining may have glued the next entries on: "… 1926 1 I. Origins 1".
    const ends = lineTerminators[i] ?? [];
    const last = ends.at(-1);
    if (!last || ends.some((end) => end.strong) || line.text.slice(last.after).trim().length > 0) return [];
    return ends;
  });
}

/**
 * A table of contents printed without dot leaders or a page column: the longest run of entries
 * (see {@link plainTerminators}) with at most four title lines each, believed only when its pages
 * never go back, are not a mere count (1, 2, 3…) nor mostly years, its titles do not read as
 * sentences, and it has five entries or stands under the heading "Contents".
 */
function findPlainContents(lines: readonly TextLine[], lineTerminators: readonly Terminator[][]): ContentsBlock | null {
  const ends = plainTerminators(lines, lineTerminators);
  let best: { from: number; to: number; raw: { title: string; page: string }[] } | null = null;
  const consider = (first: number, last: number) => {
    const from = firstTitleLine(lines, first, ends[first]?.[0] ?? null);
    if (from === null) return;
    const pieces = readPieces(lines, from, last, (i) => ends[i] ?? []);
    const start = blockStart(lines, from, 2);
    const underHeading = start < (lines[from]?.start ?? 0);
    if (!isPlausiblePlainContents(pieces, underHeading)) return;
    if (!best || pieces.length > best.raw.length) best = { from, to: last, raw: pieces.map((piece) => ({ title: cleanTitle(piece.text), page: piece.page })) };
  };
  let first = -1;
  let last = -1;
  let titleLines = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const text = lines[i]?.text ?? '';
    if ((ends[i]?.length ?? 0) > 0) {
      const isTooFar = first >= 0 && (i - last > MAX_GAP_LINES || titleLines > MAX_PLAIN_TITLE_LINES);
      if (isTooFar) {
        consider(first, last);
        first = -1;
      }
      if (first < 0) first = i;
      last = i;
      titleLines = 0;
    } else if (!isBlank(text) && first >= 0) {
      titleLines += 1;
    }
  }
  if (first >= 0) consider(first, last);
  const found = best as { from: number; to: number; raw: { title: string; page: string }[] } | null;
  if (!found) return null;
  return { start: blockStart(lines, found.from, 2), end: lines[found.to]?.end ?? 0, entries: assignLevels(found.raw) };
}

/**
 * The first line of the first entry: the entry line itself, or, when the page stands alone, the
 * title line(s) above it (one blank line between allowed).
 */
function firstTitleLine(lines: readonly TextLine[], entryLine: number, end: Terminator | null): number | null {
  if (!end || (lines[entryLine]?.text.slice(0, end.index).trim().length ?? 0) > 0) return entryLine;
  let k = entryLine - 1;
  if (k >= 0 && isBlank(lines[k]?.text ?? '')) k -= 1;
  let from: number | null = null;
  for (let taken = 0; k >= 0 && taken < MAX_PLAIN_TITLE_LINES; k -= 1, taken += 1) {
    const text = lines[k]?.text.trim() ?? '';
    if (text.length === 0 || HEADING.test(text) || (taken > 0 && /[.!?:]$/u.test(text))) break;
    from = k;
  }
  return from;
}

const YEAR_LIKE = { min: 1500, max: 2100 };
/** A title ending in a month's name: the number after it is a day ("March 7"), not a page. */
const MONTH_AT_END = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)\.?$/iu;

/** The conditions under which entries without leaders are believed to be a table of contents. */
function isPlausiblePlainContents(pieces: readonly (Piece & { titleLines: number })[], underHeading: boolean): boolean {
  if (pieces.length < (underHeading ? MIN_PLAIN_ENTRIES_UNDER_HEADING : MIN_PLAIN_ENTRIES)) return false;
  const titles = pieces.map((piece) => cleanTitle(piece.text));
  if (pieces.some((piece, index) => piece.titleLines < 1 || piece.titleLines > MAX_PLAIN_TITLE_LINES || !/\p{L}/u.test(titles[index] ?? ''))) return false;
  const orders = pieces.map((piece) => pageOrder(piece.page));
  if (orders.some((order, index) => order === null || (index > 0 && order < (orders[index - 1] ?? 0)))) return false;
  const values = orders as number[];
  const isCount = values.every((value, index) => index === 0 || value === (values[index - 1] ?? 0) + 1);
  if (isCount && !underHeading) return false;
  const years = values.filter((value) => value >= YEAR_LIKE.min && value <= YEAR_LIKE.max).length;
  if (years > values.length / 2) return false;
  // Titles are names, not sentences: a run of lines ending "… in 1926." is prose.
  const sentences = pieces.filter((piece) => /[.!?;:,]\s*$/u.test(piece.text)).length;
  if (sentences > pieces.length / 4) return false;
  // Every entry has a title of its own: "February 12", "February 17" are the days of a chronicle.
  const keys = titles.map((title) => titleTokens(title).join(' '));
  if (new Set(keys).size < 0.8 * keys.length) return false;
  return !titles.some((title) => MONTH_AT_END.test(title));
}

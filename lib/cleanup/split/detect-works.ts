/**
 * Proposes splitting a cleaned multi-work volume into one work per item of its table of contents.
 * Pure (layer 0): runs in the import preview, where the user confirms or rejects the split.
 *
 * How the split is made:
 * - the table of contents is found and read ({@link findContents}); its level-1 items are the parts
 *   of the volume, its sections ("I. The Definition of Leninism") stay inside their item;
 * - each item's title is looked for after the previous one's, at the start of a short (heading) line
 *   whose next few lines cover at least 80% of the title's words, preferring the occurrence closest to
 *   the page the contents gives;
 * - an item whose heading is not found (cleanup may have taken it for a running header) is placed by
 *   its printed page when cleanup recorded page anchors around it, and flagged as approximate;
 * - everything before the first item (title pages, the contents itself) becomes a front-matter part,
 *   so the parts cover the whole text and nothing is lost. Editorial items (a preface, notes, an
 *   index, a chronicle) stay parts of their own, marked front or back matter, rather than being glued
 *   to the work next to them: notes at the end of a volume belong to all of its works.
 */
import { splitLines, type TextLine } from '../text-lines';
import type { PieceMetadata } from './detect-anthology';
import { createPageLocator, pageDistance, parsePageNumber, type PageLocator } from './page-locator';
import { findContents, isApparatusTitle, type ContentsBlock, type ContentsEntry } from './parse-contents';
import { sameToken, titleCoverage, titleTokens } from './title-tokens';

export type { ContentsEntry } from './parse-contents';

/** What a part of the volume is: an item by the author(s), or the editors' apparatus around them. */
export type WorkKind = 'work' | 'front-matter' | 'back-matter';

/** How a part's start was found. */
export type WorkLocation =
  /** Its heading was found in the text. */
  | 'title'
  /** Its heading was not found; the start of its printed page was estimated from page anchors. */
  | 'page'
  /** Its heading was not found; it is the only item between the contents and the first found one. */
  | 'position'
  /** Not an item of the contents (the front matter before the first item). */
  | 'none'
  /** A piece of an anthology, found by its title, attribution and source lines (no contents). */
  | 'structure';

/** A stretch of the cleaned text, `[start, end)`. */
export interface TextRange {
  start: number;
  end: number;
}

/** One part of the proposed split; parts follow each other and cover the whole text. */
export interface WorkSplit {
  title: string;
  kind: WorkKind;
  /** Offset in the cleaned text where the part starts (its heading, when found). */
  start: number;
  /** Offset where the next part starts (or the text ends). */
  end: number;
  /** Index in {@link SplitProposal.contents} of the entry it comes from, if any. */
  contentsIndex: number | null;
  /** The printed page the part starts on, from the page anchors; null when the text has none. */
  firstPage: string | null;
  locatedBy: WorkLocation;
  /** A piece of an anthology: its author, date, source and tags, read from the lines around it. */
  metadata?: PieceMetadata;
  /** Lines inside the part that are its metadata (attribution, source, tags), not its text. */
  omitted?: TextRange[];
}

/** A proposed split of a volume into its works, for the user to confirm. */
export interface SplitProposal {
  /** Found from the table of contents, or (no contents) from the structure of an anthology's pieces. */
  method: 'contents' | 'anthology';
  /** Every entry of the table of contents, sections included, in printed order. */
  contents: ContentsEntry[];
  /** Where the table of contents stands in the cleaned text. */
  contentsRange: { start: number; end: number };
  /**
   * The parts in text order, covering the text from 0 to its end: front matter before the first item,
   * then one part per level-1 contents entry that was located (works, and the preface, notes or
   * chronicle as front or back matter).
   */
  works: WorkSplit[];
  /** Indices of level-1 contents entries that could not be located; their text stays in the part before. */
  unmatched: number[];
  /** One line for the preview and the CLI report. */
  summary: string;
}

/** What {@link detectWorks} reads: the output of `runCleanup`. */
export interface DetectWorksInput {
  text: string;
  pages: readonly { label: string; offset: number }[];
}

/** Share of a contents title's words a heading must contain. */
const MIN_COVERAGE = 0.8;
/** A heading found further than this from the page its contents entry gives is another mention. */
const MAX_PAGE_DISTANCE = 10;
/** Lines read after a heading's first line to cover a title printed over several lines. */
const HEADING_LINES = 8;
/**
 * A contents with more items than this is no volume's (collected works print a few hundred at
 * most): looking for every item's heading in every line grows with items × lines.
 */
const MAX_ITEMS = 2_000;
/**
 * Work allowed to the search for headings, all items together, counted in lines tested and words
 * compared: forty times what the 700 KB OCR volume of the corpus needs (0.5 million). Items left
 * when it runs out are placed by their page, or not at all, so that no contents and text, however
 * made, keep the splitter busy for more than a second or two.
 */
const HEADING_SEARCH_BUDGET = 20_000_000;

/** What is left of {@link HEADING_SEARCH_BUDGET}. */
interface SearchBudget {
  left: number;
}

interface Located {
  entryIndex: number;
  start: number;
  lineIndex: number;
  by: WorkLocation;
}

/** Tokens of each line, computed once: every item scans the whole body. */
function lineTokenTable(lines: readonly TextLine[]): string[][] {
  return lines.map((line) => titleTokens(line.text));
}

/** Trimmed length of each line, computed once for the same reason. */
function lineLengthTable(lines: readonly TextLine[]): number[] {
  return lines.map((line) => line.text.trim().length);
}

/**
 * How many leading title words the heading may have lost: cleanup takes a work's first heading line
 * for a running header when the page headers repeat it ("REPLY TO THE DISCUSSION"), leaving the rest.
 */
const MAX_LOST_WORDS = 4;
/** Coverage required of what remains of a title when its first words are missing. */
const MIN_COVERAGE_TRUNCATED = 0.9;

/**
 * Whether a heading of the item with title words `titleWords` starts on a line, and how well it
 * matches: the coverage of the title (or of the title without its first `lost` words) by the line and
 * the next few, or null when it is not a heading of that title.
 */
function headingMatch(
  table: readonly string[][],
  lengths: readonly number[],
  index: number,
  entry: ContentsEntry,
  titleWords: readonly string[],
  budget: SearchBudget,
): { coverage: number; lost: number } | null {
  const tokens = table[index] ?? [];
  budget.left -= 1;
  if (tokens.length === 0) return null;
  // Headings are short lines; a paragraph that mentions the title is not one.
  if ((lengths[index] ?? 0) > 1.5 * entry.title.length + 40) return null;
  // Most of the line must be title words, or a running header and its page would pass for the heading.
  budget.left -= tokens.length * titleWords.length;
  const inTitle = tokens.filter((token) => titleWords.some((word) => sameToken(word, token))).length;
  if (inTitle / tokens.length < 0.5) return null;
  const first = tokens[0] ?? '';
  const maxLost = Math.min(MAX_LOST_WORDS, Math.floor(titleWords.length / 2));
  for (let lost = 0; lost <= maxLost; lost += 1) {
    if (!sameToken(first, titleWords[lost] ?? '')) continue;
    const window: string[] = [];
    for (let i = index; i < table.length && i < index + HEADING_LINES && window.length < titleWords.length + 10; i += 1) {
      for (const token of table[i] ?? []) window.push(token);
    }
    budget.left -= (titleWords.length - lost) * window.length;
    const coverage = titleCoverage(titleWords.slice(lost), window);
    if (coverage >= (lost === 0 ? MIN_COVERAGE : MIN_COVERAGE_TRUNCATED)) return { coverage: coverage - 0.05 * lost, lost };
  }
  return null;
}

/** Finds the heading of one item at or after line `from`, outside the contents block. */
function locateTitle(
  entry: ContentsEntry,
  lines: readonly TextLine[],
  table: readonly string[][],
  from: number,
  contents: ContentsBlock,
  locator: PageLocator,
  search: { lengths: readonly number[]; budget: SearchBudget; hasPages: boolean },
): { lineIndex: number; start: number } | null {
  const titleWords = titleTokens(entry.title);
  if (titleWords.length === 0) return null;
  let best: { lineIndex: number; start: number; distance: number; coverage: number } | null = null;
  for (let i = from; i < lines.length && search.budget.left > 0; i += 1) {
    const line = lines[i];
    if (!line || (line.start >= contents.start && line.start < contents.end)) continue;
    const match = headingMatch(table, search.lengths, i, entry, titleWords, search.budget);
    if (!match) continue;
    const coverage = match.coverage;
    const start = line.start + (line.text.length - line.text.trimStart().length);
    const distance = pageDistance(locator.pageAt(start), entry.page) ?? Number.POSITIVE_INFINITY;
    if (Number.isFinite(distance) && distance > MAX_PAGE_DISTANCE) continue;
    if (!best || distance < best.distance || (distance === best.distance && coverage > best.coverage)) {
      best = { lineIndex: i, start, distance, coverage };
      // Nothing can beat the heading on its own page at full coverage, nor, in a text without
      // pages, the first heading at full coverage.
      if (coverage === 1 && (distance === 0 || !search.hasPages)) break;
    }
  }
  return best && { lineIndex: best.lineIndex, start: best.start };
}

/** The label of the page after `page` in the same numbering, e.g. "394" after "393". */
function nextPageLabel(page: string): string | null {
  const number = parsePageNumber(page);
  if (!number || number.system !== 'arabic') return null;
  return String(number.value + 1);
}

/** Index of the line containing `offset`. */
function lineIndexAt(lines: readonly TextLine[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lines[middle]?.start ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

const MIN_GLUED_WORDS = 3;
const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Looks between `from` and `to` for the title's words inside a line: line joining may have glued a
 * heading to the end of the paragraph before it. The whole title is tried first, then without its
 * first words (lost with a running header), down to three words. Returns where the words begin,
 * with an opening bracket or quote before them.
 */
function findGluedHeading(entry: ContentsEntry, text: string, from: number, to: number): number | null {
  const words = titleTokens(entry.title);
  // One or two words ("Notes") occur anywhere; only a longer run of title words identifies a heading.
  if (words.length < MIN_GLUED_WORDS) return null;
  const region = text.slice(from, to);
  for (let lost = 0; words.length - lost >= MIN_GLUED_WORDS; lost += 1) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])[(\\[“"‘']?${words.slice(lost).map(escapeRegExp).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
    const match = pattern.exec(region);
    if (match) return from + match.index;
  }
  return null;
}

/**
 * Estimates where an item whose heading was not found begins, from the page anchors: at the anchor of
 * its page, or one typical page before the anchor of the next page. For notes, the first line that
 * starts with note 1 near that point is taken, since a notes section begins with it.
 */
function locateByPage(
  entry: ContentsEntry,
  text: string,
  lines: readonly TextLine[],
  locator: PageLocator,
  after: number,
  before: number,
): number | null {
  if (entry.page === null) return null;
  const inRange = (offset: number | null): offset is number => offset !== null && offset > after && offset < before;
  const own = locator.anchorOffset(entry.page);
  const nextLabel = nextPageLabel(entry.page);
  const nextAnchor = nextLabel === null ? null : locator.anchorOffset(nextLabel);
  const page = locator.typicalPageLength;
  const hasOwn = inRange(own);
  if (!hasOwn && !inRange(nextAnchor)) return null;
  const from = Math.max(after + 1, hasOwn ? own - page / 2 : (nextAnchor ?? 0) - 2 * page);
  const to = Math.min(before, hasOwn ? own + page : (nextAnchor ?? before));
  const glued = findGluedHeading(entry, text, from, to);
  if (glued !== null) return glued;
  if (hasOwn) return lines[lineIndexAt(lines, own)]?.start ?? own;
  const next = nextAnchor ?? before;
  const estimate = Math.max(after + 1, next - locator.typicalPageLength);
  if (/^notes?\b/u.test(titleTokens(entry.title).join(' '))) {
    const windowStart = Math.max(after + 1, next - 2 * locator.typicalPageLength);
    for (let i = lineIndexAt(lines, windowStart); i < lines.length && (lines[i]?.start ?? before) < next; i += 1) {
      const line = lines[i];
      if (line && line.start >= windowStart && /^\s*\[?1[\].)]?\s+\p{L}/u.test(line.text)) return line.start;
    }
  }
  const line = lines[lineIndexAt(lines, estimate)];
  if (!line) return null;
  // Start on a whole line: the one holding the estimate, or the next one if that starts before `after`.
  const start = line.start > after ? line.start : line.next;
  return start < before ? start : null;
}

/** The first non-blank line start at or after `offset`. */
function firstTextAfter(lines: readonly TextLine[], offset: number): number {
  for (let i = lineIndexAt(lines, offset); i < lines.length; i += 1) {
    const line = lines[i];
    if (line && line.start >= offset && line.text.trim().length > 0) return line.start;
  }
  return offset;
}

function describe(proposal: Omit<SplitProposal, 'summary'>, items: number): string {
  const count = (kind: WorkKind) => proposal.works.filter((part) => part.kind === kind && part.contentsIndex !== null).length;
  const byPage = proposal.works.filter((part) => part.locatedBy === 'page' || part.locatedBy === 'position').length;
  const parts = [
    `${items} items in the contents: ${count('work')} works found`,
    count('front-matter') + count('back-matter') > 0 ? `${count('front-matter')} front and ${count('back-matter')} back matter parts` : null,
    byPage > 0 ? `${byPage} placed by page or position (heading not found)` : null,
    proposal.unmatched.length > 0
      ? `${proposal.unmatched.length} not found: ${proposal.unmatched.map((index) => proposal.contents[index]?.title ?? '').join('; ')}`
      : null,
  ];
  return parts.filter((part) => part !== null).join(', ');
}

/**
 * Detects the works of a cleaned volume from its table of contents. Returns null when the text is
 * not a multi-work volume: no table of contents, or fewer than two of its works found in the text.
 */
export function detectWorks(cleaned: DetectWorksInput): SplitProposal | null {
  const { text } = cleaned;
  const lines = splitLines(text);
  const contents = findContents(lines);
  if (!contents) return null;
  const items = contents.entries.flatMap((entry, index) => (entry.level === 1 ? [index] : []));
  if (items.length < 2 || items.length > MAX_ITEMS) return null;

  const locator = createPageLocator(cleaned.pages);
  const table = lineTokenTable(lines);
  const located: Located[] = [];
  const search = { lengths: lineLengthTable(lines), budget: { left: HEADING_SEARCH_BUDGET }, hasPages: cleaned.pages.length > 0 };
  let from = 0;
  for (const entryIndex of items) {
    const entry = contents.entries[entryIndex];
    if (!entry) continue;
    const found = locateTitle(entry, lines, table, from, contents, locator, search);
    if (!found) continue;
    located.push({ entryIndex, start: found.start, lineIndex: found.lineIndex, by: 'title' });
    from = found.lineIndex + 1;
  }
  if (located.length === 0) return null;

  // Items whose heading was not found: place them by position or page between their neighbours.
  const firstFound = located[0];
  const before = firstFound ? items.filter((index) => index < firstFound.entryIndex) : [];
  const [onlyBefore] = before;
  if (before.length === 1 && onlyBefore !== undefined && firstFound && contents.end < firstFound.start) {
    const start = firstTextAfter(lines, contents.end);
    if (start < firstFound.start && text.slice(start, firstFound.start).trim().length > 0) {
      located.unshift({ entryIndex: onlyBefore, start, lineIndex: lineIndexAt(lines, start), by: 'position' });
    }
  }
  for (const entryIndex of items) {
    if (located.some((item) => item.entryIndex === entryIndex)) continue;
    const entry = contents.entries[entryIndex];
    if (!entry) continue;
    const previous = located.filter((item) => item.entryIndex < entryIndex).at(-1);
    const next = located.find((item) => item.entryIndex > entryIndex);
    const start = locateByPage(entry, text, lines, locator, previous?.start ?? contents.end, next?.start ?? text.length);
    if (start === null) continue;
    located.push({ entryIndex, start, lineIndex: lineIndexAt(lines, start), by: 'page' });
    located.sort((a, b) => a.entryIndex - b.entryIndex);
  }

  const isWork = (item: Located) => !isApparatusTitle(contents.entries[item.entryIndex]?.title ?? '');
  const firstWork = located.findIndex(isWork);
  const lastWork = located.findLastIndex(isWork);
  if (located.filter(isWork).length < 2) return null;

  const starts: Omit<WorkSplit, 'end' | 'firstPage'>[] = located.map((item, position) => ({
    title: contents.entries[item.entryIndex]?.title ?? '',
    kind: isWork(item) ? 'work' : position < firstWork ? 'front-matter' : position > lastWork ? 'back-matter' : 'work',
    start: item.start,
    contentsIndex: item.entryIndex,
    locatedBy: item.by,
  }));
  const firstStart = starts[0]?.start ?? 0;
  if (text.slice(0, firstStart).trim().length > 0) {
    starts.unshift({ title: 'Front matter', kind: 'front-matter', start: 0, contentsIndex: null, locatedBy: 'none' });
  } else if (starts[0]) {
    starts[0] = { ...starts[0], start: 0 };
  }
  // A table of contents printed at the end of the volume is back matter of its own.
  if (contents.start > firstStart) {
    const at = starts.findIndex((part) => part.start > contents.start);
    starts.splice(at < 0 ? starts.length : at, 0, { title: 'Contents', kind: 'back-matter', start: contents.start, contentsIndex: null, locatedBy: 'none' });
  }
  const works: WorkSplit[] = starts.map((part, index) => ({
    ...part,
    end: starts[index + 1]?.start ?? text.length,
    firstPage: locator.pageAt(part.start),
  }));

  const unmatched = items.filter((index) => !located.some((item) => item.entryIndex === index));
  const proposal = { method: 'contents' as const, contents: contents.entries, contentsRange: { start: contents.start, end: contents.end }, works, unmatched };
  return { ...proposal, summary: describe(proposal, items.length) };
}

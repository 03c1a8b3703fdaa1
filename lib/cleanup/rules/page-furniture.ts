import { isBlank, splitLines, type TextLine } from '../text-lines';

/**
 * A page label at the start or end of a line: arabic, or roman numerals. The blanks before a label
 * at the end are matched from their first one only (the lookbehind): tried from every blank of a
 * long run, they made normalising a line quadratic.
 */
const EDGE_NUMBER = /^(\d{1,4}|[ivxlcdm]{1,7})\s+|(?<!\s)\s+(\d{1,4}|[ivxlcdm]{1,7})$/iu;
/** A line that is only a page number. Uppercase roman numerals alone are usually section numbers, so only arabic and lowercase roman count. */
const BARE_NUMBER = /^\s*(\d{1,4}|[ivxlcdm]{1,7})\s*$/u;

/** How many lines after a page gap may belong to page furniture (header, boilerplate block, number). */
const EDGE_WINDOW = 8;
/** Page furniture is short; a longer line is body text. */
const MAX_FURNITURE_LENGTH = 90;
/** A running header recurs on at least this many pages. */
const MIN_HEADER_PAGES = 3;

/** A line's identity as a running header: page numbers, digits and spacing stripped, case-folded. */
export function normaliseHeader(line: string): string {
  const trimmed = line.trim();
  // A line that is only a number (arabic or roman: `22`, `IV`) is a page or section number, never a header.
  if (/^(?:\d+|[ivxlcdm]+)\.?$/iu.test(trimmed)) return '';
  return trimmed
    .replace(EDGE_NUMBER, '')
    .replace(/\d+/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** The page label printed on a header line, if any ("2", "XV"). */
export function headerLabel(line: string): string | undefined {
  const match = EDGE_NUMBER.exec(line.trim());
  return match ? (match[1] ?? match[2]) : undefined;
}

/** The page label of a bare page-number line: arabic or lowercase roman, never uppercase roman. */
export function bareNumberLabel(line: string): string | undefined {
  const match = BARE_NUMBER.exec(line);
  if (!match?.[1]) return undefined;
  return /^\d+$/u.test(match[1]) || match[1] === match[1].toLowerCase() ? match[1] : undefined;
}

/** A page boundary: a blank-line gap and the lines right after it. */
export interface PageEdge {
  /** Index of the first blank line of the gap (or 0 at the start of the text). */
  gapStart: number;
  /** Index of the first non-blank line after the gap. */
  first: number;
}

/** Lines and the page edges (gaps) of a text. */
export interface PageLayout {
  lines: TextLine[];
  edges: PageEdge[];
}

/** Splits the text into lines and finds every gap of blank lines (a possible page break). */
export function pageLayout(text: string): PageLayout {
  const lines = splitLines(text);
  const edges: PageEdge[] = [];
  let i = 0;
  // The very first line is the top of the first page.
  while (i < lines.length && isBlank(lines[i]?.text ?? '')) i++;
  if (i < lines.length) edges.push({ gapStart: 0, first: i });
  for (; i < lines.length; i++) {
    if (!isBlank(lines[i]?.text ?? '')) continue;
    const gapStart = i;
    while (i < lines.length && isBlank(lines[i]?.text ?? '')) i++;
    if (i < lines.length) edges.push({ gapStart, first: i });
  }
  return { lines, edges };
}

/** How a running header is printed. */
export interface HeaderForm {
  /**
   * Its page number is printed on the line itself (`J. V. STALIN 2`, a work's title), not on a
   * line of its own (an imprint block printed above a bare number). Such a line printed without
   * a number is usually the heading the header repeats, not the header.
   */
  isNumberedOnLine: boolean;
}

/**
 * Normalised forms that behave like running headers: they recur at the top of at least
 * {@link MIN_HEADER_PAGES} pages, most of their occurrences are at page tops (so a repeated line
 * of body text such as "Further:" is not taken), and most top occurrences carry a page number on
 * the line or in the same top block (running headers come with varying page numbers; a repeated
 * signature such as "J. Stalin" at the end of works does not).
 */
export function findHeaderForms(layout: PageLayout): Map<string, HeaderForm> {
  const total = new Map<string, number>();
  for (const line of layout.lines) {
    const trimmed = line.text.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_FURNITURE_LENGTH) continue;
    const form = normaliseHeader(trimmed);
    if (form.length < 2) continue;
    total.set(form, (total.get(form) ?? 0) + 1);
  }
  const top = new Map<string, number>();
  const numbered = new Map<string, number>();
  const numberedOnLine = new Map<string, number>();
  for (const edge of layout.edges) {
    const window = edgeWindow(layout, edge);
    const hasBareNumber = window.some((line) => bareNumberLabel(line.text) !== undefined);
    const seen = new Set<string>();
    for (const line of window) {
      const trimmed = line.text.trim();
      const form = normaliseHeader(trimmed);
      if (form.length < 2 || seen.has(form) || (total.get(form) ?? 0) < MIN_HEADER_PAGES) continue;
      seen.add(form);
      top.set(form, (top.get(form) ?? 0) + 1);
      const isOnLine = headerLabel(trimmed) !== undefined;
      if (hasBareNumber || isOnLine) numbered.set(form, (numbered.get(form) ?? 0) + 1);
      if (isOnLine) numberedOnLine.set(form, (numberedOnLine.get(form) ?? 0) + 1);
    }
  }
  const forms = new Map<string, HeaderForm>();
  for (const [form, count] of top) {
    const all = total.get(form) ?? count;
    const withNumber = numbered.get(form) ?? 0;
    if (count >= MIN_HEADER_PAGES && count / all >= 0.6 && withNumber / count >= 0.5) {
      forms.set(form, { isNumberedOnLine: (numberedOnLine.get(form) ?? 0) / withNumber >= 0.5 });
    }
  }
  return forms;
}

/** The first few short non-blank lines after a gap, where page furniture sits. */
function edgeWindow(layout: PageLayout, edge: PageEdge): TextLine[] {
  const window: TextLine[] = [];
  for (let i = edge.first; i < layout.lines.length && window.length < EDGE_WINDOW; i++) {
    const line = layout.lines[i];
    if (!line) break;
    if (isBlank(line.text)) continue;
    if (line.text.trim().length > MAX_FURNITURE_LENGTH) break;
    window.push(line);
  }
  return window;
}

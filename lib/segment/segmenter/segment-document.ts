import { readLayoutMarker, startsWithLayoutMarker, type BlockLayout } from './block-layout';
import { detectTxtHeading } from './detect-txt-heading';
import { joinHeadingLines } from './join-heading-lines';
import { ListNumbering, QUOTE_LAYOUT, atxHeadingOf, listItemOf, quoteContent } from './markdown-structure';
import { MARK, collapseWithMarks, replaceInlineMarkers, type InlineMark, type PageMark } from './page-marks';
import { sentenceRanges } from './split-sentences';
import { normalizeEmphasis, sliceEmphasis, type EmphasisSpan } from '../emphasis';

/** Emphasis of an element's text, present only when it has some. */
interface Emphasised {
  emphasis?: EmphasisSpan[];
}

/** One block of a segmented document, in document order. */
export type SegmentedBlock =
  | ({ kind: 'heading'; level: number; text: string; pages: PageMark[] } & Emphasised)
  | { kind: 'paragraph'; sentences: ({ text: string; pages: PageMark[] } & Emphasised)[]; /** Absent for prose. */ layout?: BlockLayout }
  | ({ kind: 'footnote'; label: string; text: string; pages: PageMark[] } & Emphasised);

/** How to read the input of {@link segmentDocument}. */
export interface SegmentDocumentOptions {
  /** BCP 47 language tag of the text, e.g. "en", "ru". */
  language: string;
  /**
   * `md` recognises ATX/setext headings, `[^label]:` footnote definitions, block quotations and
   * list items; `txt` guesses headings. Both read the layout markers of `block-layout.ts`.
   */
  format: 'txt' | 'md';
  /**
   * Titles the text is known to hold (a volume's table of contents): in `txt`, capital heading
   * lines that together begin one of them are one heading (see `join-heading-lines.ts`).
   */
  titles?: readonly string[];
}

/** A block before whitespace collapsing and page-marker resolution; `raw` may still contain {@link MARK}s. */
type RawBlock =
  | { kind: 'heading'; level: number; raw: string }
  | { kind: 'paragraph'; raw: string; layout?: BlockLayout }
  | { kind: 'footnote'; label: string; raw: string };

/** A source line; `lead` holds the markers of marker-only lines just above it, kept out of syntax detection. */
interface Line {
  lead: string;
  text: string;
}

const BLANK = /^\s*$/u;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/u;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/u;
/** `[^label]: note`; a label holds no bracket or blank, as footnote references do (split-sentences.ts). */
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^[\]\s]+)\]:[ \t]*(.*)$/u;
const INDENTED = /^(?: {4}|\t)/u;
const INDENTED_CONTINUATION = /^(?: {2}|\t)/u;

/**
 * Splits a plain-text or Markdown document into headings, paragraphs (as
 * sentences) and footnotes.
 *
 * Line endings are normalised, a BOM is dropped and the text is NFC-normalised.
 * Blocks are separated by blank lines; inside a block line breaks become single
 * spaces. Page markers ("[Page 23]", "[p. 23]") are removed from the text and
 * reported as {@link PageMark}s on the element where the page begins. Emphasis markers
 * (lib/segment/emphasis.ts: the import writes them, and removes any an upload held) are removed
 * the same way and become the `emphasis` of the elements they enclose, cut at sentence ends; an
 * emphasis that runs over a paragraph's end goes on in the next one. No OCR cleanup is attempted.
 */
export function segmentDocument(text: string, options: SegmentDocumentOptions): SegmentedBlock[] {
  const normalized = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').normalize('NFC');
  const { text: marked, marks } = replaceInlineMarkers(normalized);
  const lines = attachMarkerLines(marked.split('\n'));
  const rawBlocks = options.format === 'md' ? parseMarkdown(lines) : joinHeadingLines(parsePlainText(lines), options.titles);
  return resolveBlocks(rawBlocks, marks, options.language);
}

/**
 * Drops lines that hold nothing but page markers, moving their markers onto
 * the next non-blank line, so that a marker on its own line neither splits a
 * paragraph nor hides the Markdown syntax of the line after it.
 */
function attachMarkerLines(sourceLines: string[]): Line[] {
  const lines: Line[] = [];
  let pending = '';
  for (const text of sourceLines) {
    if (text.includes(MARK) && BLANK.test(text.replaceAll(MARK, ''))) {
      pending += MARK.repeat(text.split(MARK).length - 1);
      continue;
    }
    if (pending !== '' && !BLANK.test(text)) {
      lines.push({ lead: pending, text });
      pending = '';
    } else {
      lines.push({ lead: '', text });
    }
  }
  if (pending !== '') {
    // Markers after the last text: keep them on the last line so they end up after all content.
    const last = findLast(lines, (l) => !BLANK.test(l.text));
    if (last) last.text += pending;
    else lines.push({ lead: '', text: pending });
  }
  return lines;
}

function findLast<T>(items: T[], predicate: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && predicate(item)) return item;
  }
  return undefined;
}

function withLead(line: Line): string {
  return line.lead + line.text;
}

/** Groups lines into runs separated by blank lines. */
function splitBlocks(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (BLANK.test(line.text) && line.lead === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      // A layout marker always begins a paragraph of its own.
      if (startsWithLayoutMarker(line.text) && current.length > 0) {
        blocks.push(current);
        current = [];
      }
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function parsePlainText(lines: Line[]): RawBlock[] {
  return splitBlocks(lines).map((block): RawBlock => {
    const first = block[0];
    const marked = first ? readLayoutMarker(first.text) : null;
    if (first && marked) {
      const raw = [{ lead: first.lead, text: first.text.slice(marked.length) }, ...block.slice(1)].map(withLead).join('\n');
      return marked.layout.style === 'PROSE' ? { kind: 'paragraph', raw } : { kind: 'paragraph', raw, layout: marked.layout };
    }
    const raw = block.map(withLead).join('\n');
    const only = block.length === 1 ? block[0] : undefined;
    const level = only ? detectTxtHeading(only.text.replaceAll(MARK, ' ')) : null;
    return level === null ? { kind: 'paragraph', raw } : { kind: 'heading', level, raw };
  });
}

function parseMarkdown(lines: Line[]): RawBlock[] {
  const out: RawBlock[] = [];
  let paragraph: Line[] = [];
  let layout: BlockLayout | undefined;
  let footnote: { label: string; lines: string[] } | null = null;
  // Markers that sat on a line consumed as pure syntax (underline, thematic break) move to the next line.
  let carriedLead = '';
  let previousBlank = false;
  const lists = new ListNumbering();

  const flush = (): void => {
    if (paragraph.length > 0) out.push(layout ? { kind: 'paragraph', raw: paragraph.map(withLead).join('\n'), layout } : { kind: 'paragraph', raw: paragraph.map(withLead).join('\n') });
    if (footnote) out.push({ kind: 'footnote', label: footnote.label, raw: footnote.lines.join('\n') });
    paragraph = [];
    layout = undefined;
    footnote = null;
  };
  const startParagraph = (line: Line, text: string, next: BlockLayout | undefined): void => {
    flush();
    paragraph = [{ lead: line.lead, text }];
    layout = next;
  };

  for (const source of lines) {
    const line: Line = { lead: carriedLead + source.lead, text: source.text };
    carriedLead = '';
    if (BLANK.test(line.text) && line.lead === '') {
      // Paragraphs end at a blank line; a footnote may go on with an indented paragraph.
      if (paragraph.length > 0) flush();
      previousBlank = true;
      continue;
    }
    const afterBlank = previousBlank;
    previousBlank = false;

    if (footnote && afterBlank) {
      if (INDENTED.test(line.text)) {
        footnote.lines.push(withLead(line));
        continue;
      }
      flush();
    }

    const marked = readLayoutMarker(line.text);
    if (marked) {
      lists.end();
      startParagraph(line, line.text.slice(marked.length), marked.layout.style === 'PROSE' ? undefined : marked.layout);
      continue;
    }
    const atx = atxHeadingOf(line.text);
    if (atx) {
      flush();
      lists.end();
      out.push({ kind: 'heading', level: atx.level, raw: line.lead + atx.text });
      continue;
    }
    const definition = FOOTNOTE_DEFINITION.exec(line.text);
    if (definition) {
      flush();
      lists.end();
      footnote = { label: definition[1] ?? '', lines: [line.lead + (definition[2] ?? '')] };
      continue;
    }
    const underline = SETEXT_UNDERLINE.exec(line.text);
    if (underline && paragraph.length > 0 && !footnote && !layout) {
      const level = underline[1]?.startsWith('=') ? 1 : 2;
      out.push({ kind: 'heading', level, raw: paragraph.map(withLead).join('\n') });
      paragraph = [];
      carriedLead = line.lead;
      continue;
    }
    if (THEMATIC_BREAK.test(line.text)) {
      // A rule ends a quotation or a list item; inside a plain paragraph it is text.
      if (paragraph.length === 0 || layout) {
        flush();
        lists.end();
        carriedLead = line.lead;
        continue;
      }
    } else if (!footnote && parseStructure(line, afterBlank)) {
      continue;
    }
    if (footnote) footnote.lines.push(withLead(line));
    else paragraph.push(line);
  }
  flush();
  if (carriedLead !== '') out.push({ kind: 'paragraph', raw: carriedLead });
  return out;

  /**
   * Block quotations and list items: whether `line` began (or, for `>` lines, continued) one. A
   * line without syntax right after a quotation or an item continues it, as in Markdown.
   */
  function parseStructure(line: Line, afterBlank: boolean): boolean {
    const quote = quoteContent(line.text);
    if (quote !== null) {
      lists.end();
      // A `>` line with nothing else separates two paragraphs of one quotation.
      if (BLANK.test(quote)) flush();
      else if (layout?.style === 'QUOTE' && paragraph.length > 0) paragraph.push({ lead: line.lead, text: quote });
      else startParagraph(line, quote, QUOTE_LAYOUT);
      return true;
    }
    const item = listItemOf(line.text);
    // An ordered list interrupts a paragraph only when it starts at 1 ("in the year\n1917. The…").
    if (item && (paragraph.length === 0 || item.ordered === null || item.ordered.value === 1 || layout?.style === 'LIST_ITEM')) {
      const marker = lists.markerOf(item);
      startParagraph(line, item.content, { style: 'LIST_ITEM', speaker: null, marker, depth: lists.depth });
      return true;
    }
    if (afterBlank && lists.isOpen) {
      // An indented paragraph after an item is a further paragraph of that item; anything else ends the list.
      if (INDENTED_CONTINUATION.test(line.text)) {
        startParagraph(line, line.text, { style: 'LIST_ITEM', speaker: null, marker: null, depth: lists.depth });
        return true;
      }
      lists.end();
    }
    return false;
  }
}

/**
 * Collapses whitespace, splits paragraphs into sentences and turns marker
 * placeholders into {@link PageMark}s and emphasis. A page that begins after the last
 * character of an element really begins with the next element, so such marks
 * are carried forward to offset 0 of whatever comes next; so is an emphasis still open.
 */
function resolveBlocks(rawBlocks: RawBlock[], marks: InlineMark[], language: string): SegmentedBlock[] {
  const blocks: SegmentedBlock[] = [];
  let nextMark = 0;
  let carried: string[] = [];
  let lastElement: { text: string; pages: PageMark[] } | null = null;
  // Emphasis markers open inside each other (the outermost pair counts); one still open at the end
  // of an element goes on from the start of the next.
  let depth = 0;

  const takeMarks = (offsets: number[], length: number): { pages: PageMark[]; emphasis: EmphasisSpan[] } => {
    const pages: PageMark[] = carried.map((label) => ({ label, offset: 0 }));
    carried = [];
    const emphasis: EmphasisSpan[] = [];
    let from = 0;
    const trailing: string[] = [];
    for (const offset of offsets) {
      const mark = marks[nextMark++] ?? { kind: 'page', label: '' };
      if (mark.kind === 'page') {
        if (offset >= length) trailing.push(mark.label);
        else pages.push({ label: mark.label, offset });
      } else if (mark.kind === 'open') {
        if (depth === 0) from = offset;
        depth += 1;
      } else if (depth > 0) {
        depth -= 1;
        if (depth === 0 && offset > from) emphasis.push({ start: from, end: offset });
      }
    }
    if (depth > 0 && length > from) emphasis.push({ start: from, end: length });
    carried = trailing;
    return { pages, emphasis };
  };

  for (const block of rawBlocks) {
    const { text, offsets } = collapseWithMarks(block.raw);
    if (text === '') {
      // Nothing to attach to here: the marks wait for the next element.
      const { pages } = takeMarks(offsets, 0);
      carried = [...pages.map((page) => page.label), ...carried];
      continue;
    }
    const { pages, emphasis } = takeMarks(offsets, text.length);

    if (block.kind === 'paragraph') {
      // Mark offsets always point at a visible character, and ranges cover all of them. Both are
      // in text order, so one pass hands each sentence its marks (a filter per sentence would be
      // quadratic in a paragraph of many sentences and pages). Emphasis likewise, cut at sentence ends.
      let next = 0;
      let nextSpan = 0;
      const out = sentenceRanges(text, language).map((range) => {
        while (next < pages.length && (pages[next]?.offset ?? 0) < range.start) next += 1;
        const own: PageMark[] = [];
        for (let page = pages[next]; page && page.offset < range.end; page = pages[++next]) own.push({ label: page.label, offset: page.offset - range.start });
        while (nextSpan < emphasis.length && (emphasis[nextSpan]?.end ?? 0) <= range.start) nextSpan += 1;
        const spans: EmphasisSpan[] = [];
        for (let span = nextSpan; span < emphasis.length && (emphasis[span]?.start ?? 0) < range.end; span += 1) spans.push(emphasis[span] as EmphasisSpan);
        const sentence = text.slice(range.start, range.end);
        return withEmphasis({ text: sentence, pages: own }, normalizeEmphasis(sentence, sliceEmphasis(spans, range.start, range.end)));
      });
      blocks.push(block.layout ? { kind: 'paragraph', sentences: out, layout: block.layout } : { kind: 'paragraph', sentences: out });
      lastElement = out[out.length - 1] ?? lastElement;
    } else if (block.kind === 'heading') {
      const heading = withEmphasis({ kind: 'heading' as const, level: block.level, text, pages }, normalizeEmphasis(text, emphasis));
      blocks.push(heading);
      lastElement = heading;
    } else {
      const footnote = withEmphasis({ kind: 'footnote' as const, label: block.label, text, pages }, normalizeEmphasis(text, emphasis));
      blocks.push(footnote);
      lastElement = footnote;
    }
  }

  if (carried.length > 0 && lastElement) {
    // Markers after the very last word: record them at the end rather than lose them.
    const end = lastElement.text.length;
    for (const label of carried) lastElement.pages.push({ label, offset: end });
  }
  return blocks;
}

/** An element with its emphasis, when it has any. */
function withEmphasis<T extends object>(element: T, emphasis: EmphasisSpan[]): T & Emphasised {
  return emphasis.length > 0 ? { ...element, emphasis } : element;
}

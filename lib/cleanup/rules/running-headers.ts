import { editsAround, examplesOf, isCoveredByEdit, outputEndOffsets } from '../text-edits';
import { isBlank } from '../text-lines';
import type { CleanupInput, PageAnchor, RuleProposal, TextEdit } from '../types';
import { contentsRunningHeads } from './contents-running-heads';
import { bareNumberLabel, findHeaderForms, headerLabel, normaliseHeader, pageLayout, type HeaderForm, type PageLayout } from './page-furniture';

/**
 * Finds running headers (short lines recurring at page tops with varying page numbers, e.g.
 * `J. V. STALIN 2`, plus any recurring block printed with them) and proposes removing each page
 * top block together with the page-break gap before it, so the paragraph flows on. The page
 * number printed in the block becomes a page anchor where the page's text begins.
 */
export function detectRunningHeaders({ text }: CleanupInput): RuleProposal {
  const layout = pageLayout(text);
  const forms = findHeaderForms(layout);
  const edits: TextEdit[] = [];
  const removedLines: string[] = [];
  // Texts that separate paragraphs by blank lines keep one blank line at a removed page break;
  // texts whose only blank lines are page breaks get a plain line break, so the line-join rule
  // can decide whether the paragraph continues.
  const gapReplacement = usesBlankLineParagraphs(layout.edges.length, layout.lines.length) ? '\n' : '';
  if (forms.size > 0) {
    let consumed = -1;
    for (const edge of layout.edges) {
      // A block may run over a blank line into what looked like the next edge.
      if (edge.gapStart <= consumed) continue;
      let i = edge.first;
      let last = -1;
      let label: string | undefined;
      let hasHeader = false;
      const block: string[] = [];
      while (i < layout.lines.length) {
        const line = layout.lines[i];
        if (!line) break;
        const trimmed = line.text.trim();
        if (isBlank(line.text)) {
          i++;
          continue;
        }
        const bare = bareNumberLabel(trimmed);
        if (bare !== undefined && label === undefined) label = bare;
        else if (forms.has(normaliseHeader(trimmed))) {
          hasHeader = true;
          label ??= headerLabel(trimmed);
        } else break;
        block.push(trimmed);
        last = i;
        i++;
      }
      if (!hasHeader || last < 0) continue;
      // A block with no page number made only of lines whose header prints its number on the line
      // is not a running header: it is the heading the header repeats (a work's title on its
      // first page). Beside other furniture (an imprint) the header merely lost its number.
      if (label === undefined && block.every((line) => forms.get(normaliseHeader(line))?.isNumberedOnLine)) continue;
      consumed = last;
      const lastLine = layout.lines[last];
      if (!lastLine) continue;
      const atTextStart = edge.gapStart === 0 && edge.first === 0;
      const gapLine = layout.lines[edge.gapStart];
      const start = atTextStart || !gapLine ? (layout.lines[edge.first]?.start ?? 0) : gapLine.start;
      edits.push({ start, end: lastLine.next, replacement: atTextStart ? '' : gapReplacement, ruleId: 'running-headers', ...(label ? { pageLabel: label } : {}) });
      for (const line of block) removedLines.push(line);
    }
  }
  // One by one: a spread of more than about 120,000 edits overflows the stack.
  for (const edit of strayHeaderBlocks(layout, forms, edits, removedLines)) edits.push(edit);
  edits.sort((a, b) => a.start - b.start);
  // Heads printed on too few pages to be found by recurrence, found by the contents' titles.
  for (const edit of contentsRunningHeads(layout, edits, gapReplacement, removedLines)) edits.push(edit);
  edits.sort((a, b) => a.start - b.start);
  if (edits.length > 0) {
    for (const edit of expectedPageNumbers(layout, edits, gapReplacement, removedLines)) edits.push(edit);
    edits.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  const ends = outputEndOffsets(edits);
  const pages: PageAnchor[] = [];
  edits.forEach((edit, k) => {
    if (edit.pageLabel) pages.push({ label: edit.pageLabel, offset: ends[k] ?? 0 });
  });
  const numbered = pages.length;
  return {
    ruleId: 'running-headers',
    edits,
    count: edits.length,
    examples: examplesOf(text, edits),
    summaryValues: { count: edits.length, numbered },
    summary: edits.length === 0 ? 'no running headers' : `${edits.length} running headers removed (${numbered} with page numbers)`,
    data: { pages, removedLines },
  };
}

/** A title line at a page top with the page number printed after it: `THE PEASANTS AND THE TOWN 99`. */
const NUMBERED_TITLE = /^(\P{Ll}*\p{Lu}\P{Ll}*?)[ \t]+(\d{1,4})[ \t]*$/u;
const MAX_NUMBERED_TITLE_LENGTH = 90;

/**
 * Page numbers the header blocks found above leave in the text, where their value is the page
 * expected there — one more than the page before, or one less than the page after:
 * - a capital title line at a page top ending in the page number (a running head printed once, so
 *   not recognised as one): the number becomes the page's anchor; the line goes too when the
 *   sentence runs on across it (the next line starts in lowercase), else it stays as a heading;
 * - a bare number at the foot of a page right before a removed header that carries the next
 *   page's number: it is the number of the page that ends there, so it labels that page's top
 *   (a header block removed there without a number, or the line after the page break).
 * `edits` must be sorted; the new edits touch no line an edit of `edits` removes.
 */
function expectedPageNumbers(layout: PageLayout, edits: TextEdit[], gapReplacement: string, removedLines: string[]): TextEdit[] {
  const labelled = edits.filter((edit) => edit.pageLabel !== undefined && /^\d+$/u.test(edit.pageLabel));
  const byStart = new Map(edits.map((edit) => [edit.start, edit]));
  // Edits are sorted and do not overlap: the one that may cover `offset` is the last starting at or before it.
  const taken = (offset: number) => isCoveredByEdit(edits, offset);
  /** The arabic page labels found before and after `offset`. */
  const around = (offset: number) => editsAround(labelled, offset);
  const extra: TextEdit[] = [];
  let previousTop: { edge: PageLayout['edges'][number]; gapTaken: boolean } | null = null;
  for (const edge of layout.edges) {
    const top = layout.lines[edge.first];
    const gapLine = layout.lines[edge.gapStart];
    if (!top) continue;
    // The foot of the page that ends at this gap, when a labelled header block follows the gap.
    const atGap = gapLine ? byStart.get(gapLine.start) : undefined;
    const header = atGap?.pageLabel !== undefined && /^\d+$/u.test(atGap.pageLabel) ? atGap : undefined;
    const foot = layout.lines[edge.gapStart - 1];
    const footLabel = foot ? bareNumberLabel(foot.text) : undefined;
    if (header && foot && footLabel !== undefined && /^\d+$/u.test(footLabel) && Number(footLabel) === Number(header.pageLabel) - 1 && !isBlank(layout.lines[edge.gapStart - 2]?.text ?? '') && !taken(foot.start)) {
      extra.push({ start: foot.start, end: foot.next, replacement: '', ruleId: 'running-headers' });
      removedLines.push(foot.text.trim());
      // The page's top: its header block removed without a number, or the line after the last gap.
      const topEdit = previousTop ? byStart.get(layout.lines[previousTop.edge.gapStart]?.start ?? -1) : undefined;
      if (topEdit && topEdit.pageLabel === undefined) topEdit.pageLabel = footLabel;
      // Where blank lines also part paragraphs, the last gap need not be the page's top.
      else if (previousTop && !previousTop.gapTaken && gapReplacement === '') {
        const first = layout.lines[previousTop.edge.first];
        if (first) extra.push({ start: first.start, end: first.start, replacement: '', ruleId: 'running-headers', pageLabel: footLabel });
      }
    }
    // A gap inside a header block removed from an earlier gap is no page's top.
    const gapTaken = gapLine !== undefined && taken(gapLine.start);
    if (!gapTaken || atGap !== undefined) previousTop = { edge, gapTaken };
    if (edge.gapStart === 0 || taken(top.start)) continue;
    const match = NUMBERED_TITLE.exec(top.text);
    const title = match?.[1]?.trim() ?? '';
    const value = Number(match?.[2] ?? 'NaN');
    if (!match || title.length > MAX_NUMBERED_TITLE_LENGTH || /[.!?:;,]$/u.test(title)) continue;
    const { before, after } = around(top.start);
    const low = Number(before?.pageLabel ?? 'NaN');
    const high = Number(after?.pageLabel ?? 'NaN');
    if (!(low < value && value < high && (value === low + 1 || value === high - 1))) continue;
    const next = layout.lines[edge.first + 1];
    if (next && /^\s*\p{Ll}/u.test(next.text) && gapLine) {
      extra.push({ start: gapLine.start, end: top.next, replacement: gapReplacement, ruleId: 'running-headers', pageLabel: String(value) });
      removedLines.push(top.text.trim());
    } else {
      extra.push({ start: top.start, end: top.start, replacement: '', ruleId: 'running-headers', pageLabel: String(value) });
      extra.push({ start: top.start + (match[1] ?? '').trimEnd().length, end: top.start + top.text.trimEnd().length, replacement: '', ruleId: 'running-headers' });
    }
  }
  return extra;
}

/** Whether blank lines separate paragraphs (many more gaps than a page count would explain). */
export function usesBlankLineParagraphs(gaps: number, lines: number): boolean {
  // A printed page holds 25–50 lines; gaps every few lines mean paragraphs, not pages.
  return gaps > lines / 10;
}

/**
 * A block of two or more header lines away from a page edge (the same imprint printed on a title
 * page, say) is furniture too. A single such line is only taken inside a paragraph: a work's title
 * repeats its running header but is followed by a capitalised line, not a sentence's continuation.
 */
function strayHeaderBlocks(layout: PageLayout, forms: ReadonlyMap<string, HeaderForm>, taken: TextEdit[], removedLines: string[]): TextEdit[] {
  // Edits cover whole lines, so a line is taken when an edit starts at or before it and ends after it.
  const sorted = [...taken].sort((a, b) => a.start - b.start);
  const isTaken = (offset: number) => isCoveredByEdit(sorted, offset);
  const extra: TextEdit[] = [];
  let k = 0;
  while (k < layout.lines.length) {
    const run: number[] = [];
    let j = k;
    while (j < layout.lines.length) {
      const line = layout.lines[j];
      if (!line) break;
      if (isBlank(line.text) && run.length > 0 && line.text.length > 0) {
        j++;
        continue;
      }
      if (isBlank(line.text) || !forms.has(normaliseHeader(line.text)) || isTaken(line.start)) break;
      run.push(j);
      j++;
    }
    const first = layout.lines[run[0] ?? -1];
    const last = layout.lines[run[run.length - 1] ?? -1];
    // A single header line inside a paragraph (the page break lost its blank line) is furniture
    // too when the sentence visibly runs on across it: the next line starts in lowercase.
    const after = layout.lines[j];
    const isInsideParagraph = run.length === 1 && after !== undefined && /^\s*\p{Ll}/u.test(after.text);
    // Or at the foot of a page, right before a page break whose header was removed.
    const isAtPageFoot = run.length === 1 && after !== undefined && isBlank(after.text) && isTaken(after.start);
    if ((run.length >= 2 || isInsideParagraph || isAtPageFoot) && first && last) {
      extra.push({ start: first.start, end: last.next, replacement: '', ruleId: 'running-headers' });
      for (const index of run) removedLines.push(layout.lines[index]?.text.trim() ?? '');
    }
    k = Math.max(j, k + 1);
  }
  return extra;
}

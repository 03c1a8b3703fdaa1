import { blockExamples, followsClauseEnd, hasMarkdownSyntax, isContentsLine, isGlyphBullet, isHeadingParagraph, listMarkerOf, splitParagraphs, type ListMarker } from './structure-text';
import type { TextLine } from '../text-lines';
import type { BlockMark, CleanupInput, RuleProposal } from '../types';

/** Paragraphs that may stand between two items of one numbered list (an item's further paragraphs, a sub-list). */
const MAX_GAP = 4;

interface Candidate {
  line: TextLine;
  marker: ListMarker;
  /** Position among paragraphs and item lines, to tell consecutive items from distant ones. */
  unit: number;
}

/**
 * Finds the items of bulleted and numbered lists: lines that begin with a marker ("•", "-",
 * "1.", "2)", "(a)", "iv."), where a line may begin a paragraph (at a paragraph's start, after
 * a sentence's end or a colon, or after another item). To be trusted, numbered items must follow
 * each other in order (1, 2, 3 — a, b, c — i, ii, iii) with at most a few paragraphs between,
 * and items with "-", "*" or "+" must come at least two in a row; a "•" is trusted alone.
 * Headings ("1. Introduction") and contents lines stay what they are. Markdown's own list syntax
 * is left to the import. Proposes no edits: the marker is kept apart from the item's text.
 */
export function detectLists({ text, format, isLinePerParagraph = false }: CleanupInput): RuleProposal {
  const candidates = findCandidates(text, format, isLinePerParagraph);
  const lists = [...bulletRuns(candidates), ...numberedSequences(candidates)].sort((a, b) => (a[0]?.unit ?? 0) - (b[0]?.unit ?? 0));
  const accepted = new Map<TextLine, Candidate>();
  for (const list of lists) for (const item of list) accepted.set(item.line, item);
  const items = [...accepted.values()].sort((a, b) => a.line.start - b.line.start);
  const depths = nestingDepths(items);
  const blocks: BlockMark[] = items.map((item, index) => ({ start: item.line.start, end: item.line.start + item.marker.textStart, style: 'LIST_ITEM', marker: item.marker.label, depth: depths[index] ?? 0 }));
  const firstItems = lists.slice(0, 5).flatMap((list) => (list[0] ? [list[0]] : []));
  const examples = blockExamples(text, firstItems.map((item) => ({ start: item.line.start, end: item.line.start + item.marker.textStart, style: 'LIST_ITEM', marker: item.marker.label })), (mark) => `list item ${mark.marker ?? ''}`);
  return {
    ruleId: 'lists',
    edits: [],
    count: blocks.length,
    examples,
    summaryValues: { items: blocks.length, lists: lists.length },
    summary: blocks.length === 0 ? 'no lists' : `${blocks.length} list items in ${lists.length} ${lists.length === 1 ? 'list' : 'lists'}`,
    data: { blocks },
  };
}

/**
 * How deep each item (in text order) is nested, from indentation: an item set in further than
 * the item before it opens a list inside that one, an item back at an earlier indentation returns
 * to that list. Items further apart than a list's gap begin afresh.
 */
function nestingDepths(items: readonly Candidate[]): number[] {
  const indents: number[] = [];
  let lastUnit = Number.NEGATIVE_INFINITY;
  return items.map((item) => {
    if (item.unit - lastUnit > MAX_GAP + 1) indents.length = 0;
    lastUnit = item.unit;
    const indent = (/^[ \t]*/u.exec(item.line.text)?.[0] ?? '').replace(/\t/gu, '    ').length;
    while (indents.length > 0 && (indents.at(-1) ?? 0) > indent) indents.pop();
    if (indents.at(-1) !== indent) indents.push(indent);
    return indents.length - 1;
  });
}

function findCandidates(text: string, format: CleanupInput['format'], isLinePerParagraph: boolean): Candidate[] {
  const candidates: Candidate[] = [];
  let unit = 0;
  for (const paragraph of splitParagraphs(text, isLinePerParagraph)) {
    unit++;
    if (isHeadingParagraph(paragraph, format)) continue;
    let isInItem = false;
    paragraph.lines.forEach((line, index) => {
      const marker = hasMarkdownSyntax(line.text, format) || isContentsLine(line.text) ? null : listMarkerOf(line.text);
      if (!marker || !(index === 0 || isInItem || followsClauseEnd(paragraph.lines[index - 1]))) return;
      if (index > 0) unit++;
      candidates.push({ line, marker, unit });
      isInItem = true;
    });
  }
  return candidates;
}

/** Runs of items with the same bullet in consecutive paragraphs. */
function bulletRuns(candidates: readonly Candidate[]): Candidate[][] {
  const runs: Candidate[][] = [];
  let run: Candidate[] = [];
  const close = () => {
    const bullet = run[0]?.marker.bullet;
    if (bullet && (run.length >= 2 || isGlyphBullet(bullet))) runs.push(run);
    run = [];
  };
  for (const candidate of candidates) {
    if (candidate.marker.bullet === null) continue;
    const last = run.at(-1);
    if (last && (last.marker.bullet !== candidate.marker.bullet || candidate.unit !== last.unit + 1)) close();
    run.push(candidate);
  }
  close();
  return runs;
}

/**
 * Items numbered in order: each extends the open sequence of its numbering scheme whose last
 * number is one less; an item that extends none starts a sequence for each way it can be read.
 * Only sequences of two items or more count.
 */
function numberedSequences(candidates: readonly Candidate[]): Candidate[][] {
  const open = new Map<string, { items: Candidate[]; value: number }>();
  const sequences: Candidate[][] = [];
  for (const candidate of candidates) {
    const { readings, format } = candidate.marker;
    if (readings.length === 0) continue;
    const extended = readings.find((reading) => {
      const sequence = open.get(`${reading.scheme}|${format}`);
      const last = sequence?.items.at(-1);
      return sequence && last && sequence.value + 1 === reading.value && candidate.unit - last.unit - 1 <= MAX_GAP;
    });
    if (extended) {
      const sequence = open.get(`${extended.scheme}|${format}`);
      sequence?.items.push(candidate);
      if (sequence) sequence.value = extended.value;
      continue;
    }
    for (const reading of readings) {
      const sequence = { items: [candidate], value: reading.value };
      open.set(`${reading.scheme}|${format}`, sequence);
      sequences.push(sequence.items);
    }
  }
  return sequences.filter((items) => items.length >= 2);
}

import { CLEANUP_RULES } from './cleanup-rules';
import { applyEdits, createOffsetMapper, createRangeMapper } from './text-edits';
import type { BlockMark, CleanupResult, FootnoteLink, FootnoteNote, PageAnchor, RuleProposal, RunCleanupOptions } from './types';
import type { EmphasisSpan } from '../segment/emphasis';

/**
 * Runs the enabled cleanup rules in pipeline order, each as a separate pass on the output of the
 * previous one: a proposal's edits are ranges into the text at its own stage (replaying the
 * proposals in order on the original reproduces the result). Page anchors and footnote links
 * found along the way are carried through later passes, so the returned offsets refer to the
 * cleaned text. Paragraph layouts too: where two structure rules claim the same paragraph, the
 * earlier rule keeps it. Emphasis too, the text's own (`options.emphasis`) and what the rules find
 * (letter-spaced words): a stretch whose every character a rule removed is gone. Pure and deterministic: the same text and options give the same result.
 */
export function runCleanup(text: string, options: RunCleanupOptions = {}): CleanupResult {
  const format = options.format ?? 'txt';
  let current = text;
  let pages: PageAnchor[] = [];
  let footnotes: FootnoteLink[] = [];
  let notes: FootnoteNote[] = [];
  let blocks: BlockMark[] = [];
  let emphasis: EmphasisSpan[] = [...(options.emphasis ?? [])];
  let isLinePerParagraph = false;
  const proposals: RuleProposal[] = [];
  for (const rule of CLEANUP_RULES) {
    if (!(options.enabled?.[rule.id] ?? rule.defaultEnabled)) continue;
    const proposal = rule.detect({ text: current, format, isLinePerParagraph });
    // The import segments line by line once hard wraps are joined (lib/import/prepare-text.ts).
    if (rule.id === 'line-joins' && proposal.count > 0) isLinePerParagraph = true;
    proposals.push(proposal);
    if (proposal.edits.length > 0) {
      current = applyEdits(current, proposal.edits);
      const map = createOffsetMapper(proposal.edits);
      pages = pages.map((page) => ({ label: page.label, offset: map(page.offset) }));
      footnotes = footnotes.map((link) => ({ label: link.label, markerOffset: map(link.markerOffset), noteOffset: map(link.noteOffset) }));
      notes = notes.map((note) => ({ label: note.label, start: map(note.start), offset: map(note.offset), end: map(note.end) }));
      blocks = blocks.map((block) => ({ ...block, start: map(block.start), end: map(block.end) }));
      const mapRange = createRangeMapper(proposal.edits);
      emphasis = emphasis.flatMap((span) => mapRange(span) ?? []);
    }
    // Appended one by one: spreading a rule's findings into push() overflowed the stack past
    // about 120,000 of them (a text of that many list items or page markers).
    for (const page of proposal.data?.pages ?? []) pages.push(page);
    for (const link of proposal.data?.footnotes ?? []) footnotes.push(link);
    for (const note of proposal.data?.notes ?? []) notes.push(note);
    for (const span of proposal.data?.emphasis ?? []) emphasis.push(span);
    const claimed = new Set(blocks.map((block) => block.start));
    for (const block of proposal.data?.blocks ?? []) if (!claimed.has(block.start)) blocks.push(block);
  }
  pages.sort((a, b) => a.offset - b.offset);
  blocks.sort((a, b) => a.start - b.start);
  return { text: current, proposals, pages, footnotes, notes, blocks, emphasis: apart(emphasis), report: proposals.map((p) => `${p.ruleId}: ${p.summary}`) };
}

/** Stretches in order, overlapping ones made one. */
function apart(spans: EmphasisSpan[]): EmphasisSpan[] {
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: EmphasisSpan[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

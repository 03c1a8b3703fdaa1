import { CLEANUP_RULES } from './cleanup-rules';
import { applyEdits, createOffsetMapper } from './text-edits';
import type { CleanupResult, FootnoteLink, PageAnchor, RuleProposal, RunCleanupOptions } from './types';

/**
 * Runs the enabled cleanup rules in pipeline order, each as a separate pass on the output of the
 * previous one: a proposal's edits are ranges into the text at its own stage (replaying the
 * proposals in order on the original reproduces the result). Page anchors and footnote links
 * found along the way are carried through later passes, so the returned offsets refer to the
 * cleaned text. Pure and deterministic: the same text and options give the same result.
 */
export function runCleanup(text: string, options: RunCleanupOptions = {}): CleanupResult {
  const format = options.format ?? 'txt';
  let current = text;
  let pages: PageAnchor[] = [];
  let footnotes: FootnoteLink[] = [];
  const proposals: RuleProposal[] = [];
  for (const rule of CLEANUP_RULES) {
    if (!(options.enabled?.[rule.id] ?? rule.defaultEnabled)) continue;
    const proposal = rule.detect({ text: current, format });
    proposals.push(proposal);
    if (proposal.edits.length > 0) {
      current = applyEdits(current, proposal.edits);
      const map = createOffsetMapper(proposal.edits);
      pages = pages.map((page) => ({ label: page.label, offset: map(page.offset) }));
      footnotes = footnotes.map((link) => ({ label: link.label, markerOffset: map(link.markerOffset), noteOffset: map(link.noteOffset) }));
    }
    pages.push(...(proposal.data?.pages ?? []));
    footnotes.push(...(proposal.data?.footnotes ?? []));
  }
  pages.sort((a, b) => a.offset - b.offset);
  return { text: current, proposals, pages, footnotes, report: proposals.map((p) => `${p.ruleId}: ${p.summary}`) };
}

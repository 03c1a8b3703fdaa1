/**
 * OCR and web-page cleanup: pure detectors that propose edits, and the pipeline that runs them.
 * Layer 0: no I/O, runs in the browser for the import preview.
 */
export { CLEANUP_RULES } from './cleanup-rules';
export { runCleanup } from './run-cleanup';
export { applyEdits, createOffsetMapper } from './text-edits';
export type {
  BlockMark,
  CleanupFormat,
  CleanupInput,
  CleanupResult,
  CleanupRule,
  CleanupRuleId,
  FootnoteLink,
  FootnoteNote,
  PageAnchor,
  RuleProposal,
  RuleExample,
  RuleProposalData,
  RunCleanupOptions,
  SummaryValues,
  TextEdit,
} from './types';

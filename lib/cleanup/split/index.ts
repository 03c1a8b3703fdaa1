/**
 * Splitting a cleaned multi-work volume into its works, following its table of contents, or an
 * anthology without contents into its pieces. Layer 0: no I/O, runs in the browser for the import preview.
 */
export { detectAnthology } from './detect-anthology';
export type { PieceMetadata } from './detect-anthology';
export { detectWorks } from './detect-works';
export type { DetectWorksInput, SplitProposal, TextRange, WorkKind, WorkLocation, WorkSplit } from './detect-works';
export type { ContentsEntry } from './parse-contents';
export { summarizeSplitPart, type SplitPartSummary } from './part-summary';
export { proposeSplit } from './propose-split';
export { findWorkDate } from './work-date';

/**
 * Splitting a cleaned multi-work volume into its works, following its table of contents.
 * Layer 0: no I/O, runs in the browser for the import preview.
 */
export { detectWorks } from './detect-works';
export type { DetectWorksInput, SplitProposal, WorkKind, WorkLocation, WorkSplit } from './detect-works';
export type { ContentsEntry } from './parse-contents';
export { findWorkDate } from './work-date';

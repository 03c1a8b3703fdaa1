/**
 * Splitting plain-text and Markdown documents into blocks and sentences.
 * Pure module: runs on the server and in the browser.
 */
export type { PageMark } from './page-marks';
export { segmentDocument, type SegmentDocumentOptions, type SegmentedBlock } from './segment-document';
export { sentenceRanges, splitSentences, type SentenceRange } from './split-sentences';

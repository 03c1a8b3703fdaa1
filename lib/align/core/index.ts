/**
 * Sentence aligner core: pure, dependency-free, runs on the server, in the browser and in workers.
 * See docs/alignment.md for how it works and how it scores on the Text+Berg gold standard.
 */
export type { AlignOptions, Bead } from './types';
export { alignSentences, type AlignmentStats } from './align-sentences';
export { alignDocuments } from './align-documents';
export {
  countAlignmentHits,
  formatBeads,
  parseBeads,
  scoreAlignment,
  scoreFromCounts,
  sumAlignmentCounts,
  type AlignmentCounts,
  type AlignmentScores,
  type ScoredBead,
} from './score-alignment';

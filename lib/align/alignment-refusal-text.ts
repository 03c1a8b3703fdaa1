import type { AlignmentRefusal, AlignmentRefusalReason } from './alignment-refusal';

/** The English of `align.refusals` (the catalogue's, which a unit test keeps them equal to), for the server's errors. */
export const ALIGNMENT_REFUSAL_TEXTS: Readonly<Record<AlignmentRefusalReason, string>> = {
  noRow: 'No such row.',
  ownTranslation: 'This row already has its own translation.',
  nothingToSplitFrom: 'Nothing to split from.',
  coveredSplitFirst: 'This row is covered by the previous translation: split it first.',
  nothingToMoveDown: 'There is no sentence to move down.',
  firstRow: 'This is the first row: there is nothing before it.',
  nothingToMoveUp: 'There is no sentence to move up.',
  nothingToUnlink: 'This row has no translation to unlink.',
  coveredAbove: 'This row is covered by the translation above: split that translation instead.',
  nothingToSplit: 'This row has no translation to split.',
  lastRow: 'This is the last row: there is no row below to take the rest.',
  outsideText: 'The split point is outside the text.',
  emptyPart: 'Both parts of a split need some text.',
  insideWord: 'The split point is inside a word: choose a space between two words.',
};

/** The English wording of a refusal: the server's error message. */
export function alignmentRefusalText(refusal: AlignmentRefusal): string {
  return ALIGNMENT_REFUSAL_TEXTS[refusal.refused];
}

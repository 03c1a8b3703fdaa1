/**
 * Why a hand correction of an alignment does not apply to a row: a reason the interface names
 * from its catalogue (`align.refusals.<reason>`, `components/align/row-operations.ts`) and the
 * server's error names with the same words (`errors.alignmentRefusal.<reason>`).
 */

/** Every reason a correction may be refused for: the keys of `align.refusals`. */
export type AlignmentRefusalReason =
  | 'noRow'
  | 'ownTranslation'
  | 'nothingToSplitFrom'
  | 'coveredSplitFirst'
  | 'nothingToMoveDown'
  | 'firstRow'
  | 'nothingToMoveUp'
  | 'nothingToUnlink'
  | 'coveredAbove'
  | 'nothingToSplit'
  | 'lastRow'
  | 'outsideText'
  | 'emptyPart'
  | 'insideWord';

/** A correction that does not apply, and why. */
export interface AlignmentRefusal {
  refused: AlignmentRefusalReason;
}

export function refuse(reason: AlignmentRefusalReason): AlignmentRefusal {
  return { refused: reason };
}

/** Whether a planner's answer is a refusal rather than its result. */
export function isAlignmentRefusal(answer: unknown): answer is AlignmentRefusal {
  return typeof answer === 'object' && answer !== null && 'refused' in answer;
}

/**
 * Why a structural change cannot be planned: a reason with its arguments, which the server's
 * error names (`errors.structureRefusal.<reason>`) and the interface words with the same words
 * (`structure.refusals.<reason>`, components/structure/structure-text.ts) where a stored change no
 * longer fits. Both catalogue blocks are kept equal by a unit test.
 */

/** Every reason a structural change may be refused for: the keys of `structure.refusals`. */
export type StructureRefusalReason =
  | 'textChangedSinceChosen'
  | 'cutOutsideText'
  | 'cutInsideWord'
  | 'emptyPart'
  | 'sameSegmentTwice'
  | 'kindsDiffer'
  | 'differentParagraphs'
  | 'notNextSegment'
  | 'groupHeadMissing'
  | 'onlySentenceToHeading'
  | 'onlyHeadingToSentence'
  | 'onlySentenceToFootnote'
  | 'footnoteCallsItself'
  | 'referenceOutsideText'
  | 'sentenceNotInParagraph'
  | 'cutBeforeFirst'
  | 'sameParagraphTwice'
  | 'emptyParagraph'
  | 'notNextParagraph'
  | 'paragraphMissing'
  | 'sharedWithPrevious'
  | 'coversNext'
  | 'segmentNotInWork'
  | 'segmentRetired'
  | 'paragraphChosen'
  | 'notAParagraph'
  | 'noText';

/**
 * A refusal and its arguments: segment kinds as stable values (`sentence`, `heading`, `footnote`,
 * `paragraph`; `becomes`: `heading` or `footnote`) and language codes, never English words.
 */
export interface StructureRefusal {
  refused: StructureRefusalReason;
  values?: Readonly<Record<string, string>>;
}

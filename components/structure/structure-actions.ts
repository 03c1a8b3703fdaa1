import type { EditorRow } from '@/lib/editor/types';
import type { StructuralOperation } from '@/lib/structure/structural-operation';

/** The structural changes the editor offers on a source row. */
export type StructureAction = 'split' | 'merge' | 'heading' | 'sentence' | 'footnote' | 'splitParagraph' | 'joinParagraphs';

/** What a row's structure menu needs to know of the row and its neighbours (the rows around it, when loaded). */
export type StructureRowInfo = Pick<EditorRow, 'segmentId' | 'kind' | 'parentId' | 'source'>;

export interface StructureChoice {
  action: StructureAction;
  label: string;
  /** The choice asks for more (a point, a level, a label) before its preview. */
  asksMore: boolean;
}

const KIND_NAMES: Record<EditorRow['kind'], string> = { SENTENCE: 'sentence', HEADING: 'heading', FOOTNOTE: 'note' };

/**
 * The structural changes that make sense on `row`, given the rows before and after it in reading
 * order (undefined when there is none, or it is not loaded yet): the server checks them again.
 */
export function structureChoices(row: StructureRowInfo, previous: StructureRowInfo | undefined, next: StructureRowInfo | undefined): StructureChoice[] {
  const choices: StructureChoice[] = [];
  const inParagraph = row.kind === 'SENTENCE' && row.parentId !== null;
  if (row.source.revisionId !== null && row.source.text.trim().length > 0) choices.push({ action: 'split', label: 'Split here…', asksMore: true });
  if (next && next.kind === row.kind && next.parentId === row.parentId) choices.push({ action: 'merge', label: `Merge with next ${KIND_NAMES[row.kind]}`, asksMore: false });
  if (row.kind === 'SENTENCE') choices.push({ action: 'heading', label: 'Make heading…', asksMore: true });
  if (row.kind === 'HEADING') choices.push({ action: 'sentence', label: 'Make sentence', asksMore: false });
  if (row.kind === 'SENTENCE' && previous) choices.push({ action: 'footnote', label: 'Make footnote…', asksMore: true });
  if (inParagraph && previous?.kind === 'SENTENCE' && previous.parentId === row.parentId) choices.push({ action: 'splitParagraph', label: 'Start a new paragraph here', asksMore: false });
  if (inParagraph && next?.kind === 'SENTENCE' && next.parentId !== null && next.parentId !== row.parentId) choices.push({ action: 'joinParagraphs', label: 'Join with next paragraph', asksMore: false });
  return choices;
}

/** The operation of a choice that asks nothing more; null for one that does. */
export function directOperation(action: StructureAction, row: StructureRowInfo, next: StructureRowInfo | undefined): StructuralOperation | null {
  switch (action) {
    case 'merge':
      return next ? { type: 'mergeSegments', segmentId: row.segmentId, nextSegmentId: next.segmentId } : null;
    case 'sentence':
      return { type: 'makeSentence', segmentId: row.segmentId };
    case 'splitParagraph':
      return row.parentId ? { type: 'splitParagraph', paragraphId: row.parentId, beforeSegmentId: row.segmentId } : null;
    case 'joinParagraphs':
      return row.parentId && next?.parentId ? { type: 'joinParagraphs', paragraphId: row.parentId, nextParagraphId: next.parentId } : null;
    default:
      return null;
  }
}

/** The title of the dialog of an action. */
export const ACTION_TITLES: Record<StructureAction, string> = {
  split: 'Split this segment',
  merge: 'Merge with the next segment',
  heading: 'Make this sentence a heading',
  sentence: 'Make this heading a sentence',
  footnote: 'Make this sentence a footnote',
  splitParagraph: 'Start a new paragraph here',
  joinParagraphs: 'Join with the next paragraph',
};

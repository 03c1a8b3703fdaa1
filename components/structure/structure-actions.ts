import type { useTranslations } from 'next-intl';

import type { EditorRow } from '@/lib/editor/types';
import type { StructuralOperation } from '@/lib/structure/structural-operation';

/** The structural changes the editor offers on a source row. */
export type StructureAction = 'split' | 'merge' | 'heading' | 'sentence' | 'footnote' | 'splitParagraph' | 'joinParagraphs';

/** What a row's structure menu needs to know of the row and its neighbours (the rows around it, when loaded). */
export type StructureRowInfo = Pick<EditorRow, 'segmentId' | 'kind' | 'parentId' | 'source'>;

export interface StructureChoice {
  action: StructureAction;
  /** The kind of the row, which names what "merge" merges it with. */
  rowKind: EditorRow['kind'];
  /** The choice asks for more (a point, a level, a label) before its preview. */
  asksMore: boolean;
}

/** The structure messages (`useTranslations('structure')`). */
export type StructureTranslator = ReturnType<typeof useTranslations<'structure'>>;

/** A choice's name in the menu: "Split here…", "Merge with next heading". */
export function choiceLabel(choice: StructureChoice, t: StructureTranslator): string {
  return t(`actions.${choice.action}`, { kind: choice.rowKind });
}

/**
 * The structural changes that make sense on `row`, given the rows before and after it in reading
 * order (undefined when there is none, or it is not loaded yet): the server checks them again.
 */
export function structureChoices(row: StructureRowInfo, previous: StructureRowInfo | undefined, next: StructureRowInfo | undefined): StructureChoice[] {
  const choices: StructureChoice[] = [];
  const choice = (action: StructureAction, asksMore: boolean) => choices.push({ action, rowKind: row.kind, asksMore });
  const inParagraph = row.kind === 'SENTENCE' && row.parentId !== null;
  if (row.source.revisionId !== null && row.source.text.trim().length > 0) choice('split', true);
  if (next && next.kind === row.kind && next.parentId === row.parentId) choice('merge', false);
  if (row.kind === 'SENTENCE') choice('heading', true);
  if (row.kind === 'HEADING') choice('sentence', false);
  if (row.kind === 'SENTENCE' && previous) choice('footnote', true);
  if (inParagraph && previous?.kind === 'SENTENCE' && previous.parentId === row.parentId) choice('splitParagraph', false);
  if (inParagraph && next?.kind === 'SENTENCE' && next.parentId !== null && next.parentId !== row.parentId) choice('joinParagraphs', false);
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

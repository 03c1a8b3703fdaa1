/**
 * What a STRUCTURE suggestion keeps in `suggestion.operation`: the operation, the published
 * revisions it was planned against (compared again when it is applied) and the proposer's note.
 * Pure.
 */
import { z } from 'zod';

import { structuralOperation, type StructuralOperation } from './structural-operation';

export const storedStructuralEdit = z.object({
  operation: structuralOperation,
  /** Every published revision the change depends on when it was proposed (null: no text then). */
  bases: z.array(z.object({ segmentId: z.string().uuid(), language: z.string().min(1), revisionId: z.string().uuid().nullable() })),
  note: z.string().default(''),
});
export type StoredStructuralEdit = z.output<typeof storedStructuralEdit>;

/** The segments an operation names (paragraphs included), in the order it names them. */
export function namedSegmentIds(operation: StructuralOperation): string[] {
  switch (operation.type) {
    case 'splitSegment':
    case 'makeHeading':
    case 'makeSentence':
      return [operation.segmentId];
    case 'mergeSegments':
      return [operation.segmentId, operation.nextSegmentId];
    case 'makeFootnote':
      return [operation.segmentId, operation.refSegmentId];
    case 'splitParagraph':
      return [operation.paragraphId, operation.beforeSegmentId];
    case 'joinParagraphs':
      return [operation.paragraphId, operation.nextParagraphId];
  }
}

/** Whether two operations are the same change (same type and the same fields). */
export function isSameOperation(a: StructuralOperation, b: StructuralOperation): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

/**
 * The texts whose published revision differs between two lists of bases (one given in only one
 * of them counts as changed): what changed since a change was planned.
 */
export function changedBases(then: StoredStructuralEdit['bases'], now: StoredStructuralEdit['bases']): { segmentId: string; language: string }[] {
  const key = (base: { segmentId: string; language: string }) => `${base.segmentId}:${base.language}`;
  const current = new Map(now.map((base) => [key(base), base.revisionId]));
  const earlier = new Map(then.map((base) => [key(base), base.revisionId]));
  const changed = [...then.filter((base) => current.get(key(base)) !== base.revisionId), ...now.filter((base) => !earlier.has(key(base)))];
  return changed.map(({ segmentId, language }) => ({ segmentId, language }));
}

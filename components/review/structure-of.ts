import type { QueueItem } from '@/lib/review/review-queue';
import type { StructurePreview } from '@/lib/structure/structural-operation';

/** A structural suggestion's preview against the current state, and the proposer's note; null for a text suggestion. */
export function structureOf(item: Pick<QueueItem, 'kind' | 'structure'>): { preview: StructurePreview; note: string | null } | null {
  if (item.kind !== 'STRUCTURE' || !item.structure) return null;
  const { note, ...preview } = item.structure;
  return { preview, note: note.trim() || null };
}

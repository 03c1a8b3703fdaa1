import type { WorkKind } from '@/lib/cleanup/split';

const LABELS: Record<WorkKind, string | null> = { work: null, 'front-matter': 'front matter', 'back-matter': 'back matter' };

/** "back-matter" → "back matter"; null for a work by the author(s), which needs no mark. */
export function workKindLabel(kind: WorkKind): string | null {
  return LABELS[kind];
}

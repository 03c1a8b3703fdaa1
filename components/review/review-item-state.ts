import type { ConflictDetails } from '@/lib/review/decide-suggestion';
import type { RejectReasonCode } from '@/lib/review/schemas';

/** What the reviewer is doing with one suggestion of the queue. */
export type ReviewMode = 'view' | 'reject' | 'edit' | 'conflict';

/** A change of the suggestion the reviewer turns down while approving the rest. */
export interface HunkDecision {
  reason: RejectReasonCode;
  note: string;
}

export interface ReviewItemState {
  mode: ReviewMode;
  /** Turned-down hunks by number (lib/diff/hunks). */
  rejectedHunks: ReadonlyMap<number, HunkDecision>;
  reason: RejectReasonCode;
  note: string;
  /** The text being edited (edit mode) or the resolution of a conflict. */
  editText: string;
  conflict: ConflictDetails | null;
  isBusy: boolean;
  error: string | null;
}

export function initialItemState(): ReviewItemState {
  return { mode: 'view', rejectedHunks: new Map(), reason: 'MEANING', note: '', editText: '', conflict: null, isBusy: false, error: null };
}

import type { PieceMetadata } from './detect-anthology';
import type { WorkKind } from './detect-works';

/** What the import preview shows of one part of a split, and what the import stores for it. */
export interface SplitPartSummary {
  title: string;
  kind: WorkKind;
  /** The printed page the part starts on; null when the text has no page anchors. */
  firstPage: string | null;
  /** A piece of an anthology: its author, date and source as its lines give them (null: none). */
  author: string | null;
  dateText: string | null;
  /** The piece's source: its citation, else its link. */
  source: string | null;
}

/** One part of a split (of the proposal or of the prepared volume) as the preview lists it. */
export function summarizeSplitPart({ title, kind, firstPage, metadata }: { title: string; kind: WorkKind; firstPage: string | null; metadata?: PieceMetadata | null }): SplitPartSummary {
  return { title, kind, firstPage, author: metadata?.author ?? null, dateText: metadata?.dateText ?? null, source: metadata?.citation ?? metadata?.url ?? null };
}

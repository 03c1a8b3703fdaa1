import type { DiffOp } from '../diff/word-diff';

// The translation memory's answers as the editor receives them (no server code: components import these types).

/** Where a match comes from, as the editor shows it. */
export type MemoryProvenance =
  | { origin: 'LIBRARY'; workId: string; workTitle: string; workAuthor: string; segmentId: string; translator: string; date: string }
  | { origin: 'IMPORTED'; file: string; translator: string; date: string };

export interface MemoryMatch {
  unitId: string;
  percent: number;
  /** 100 % and the same previous and next source sentences. */
  isInContext: boolean;
  sourceText: string;
  targetText: string;
  /** Word diff from the stored source to the sentence being translated. */
  diff: DiffOp[];
  provenance: MemoryProvenance;
}

/** The matches of the segment being translated (`GET /api/works/[workId]/memory`). */
export interface MemoryMatches {
  /** The published source sentence the matches were looked up for (null: nothing to match yet). */
  sourceText: string | null;
  matches: MemoryMatch[];
}

import 'server-only';

import { type SuspectMark } from './suspect-mark';
import { loadProofreadWork, workFindings } from './work-findings';
import { can, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';
import { MAX_EDITOR_CHUNKS_PER_REQUEST } from '../editor/schemas';

export type { SuspectMark };

/**
 * The suspect words of the segments of chunks `fromChunk` … `fromChunk + chunkCount - 1`, by
 * segment, for the segment editor of the work's source language. Empty for those who may not
 * correct the work: the editor shows them read-only and has nothing to mark. Throws NOT_FOUND
 * for an unknown work, and SERVER_BUSY/INTERNAL from the proofreading thread.
 */
export async function getSuspectMarks({ actor, workId, fromChunk, chunkCount = 1, db = getDb() }: { actor: Actor; workId: string; fromChunk: number; chunkCount?: number; db?: Db }): Promise<{ marks: Record<string, SuspectMark[]> }> {
  const work = await loadProofreadWork(db, workId);
  if (!can(actor, 'segment.edit', { collectionId: work.collectionId })) return { marks: {} };
  const findings = await workFindings(db, work);
  const toChunk = fromChunk + Math.min(Math.max(chunkCount, 1), MAX_EDITOR_CHUNKS_PER_REQUEST);
  const marks: Record<string, SuspectMark[]> = {};
  for (const suspect of findings.suspects) {
    for (const { segmentId } of suspect.places) {
      const chunk = findings.chunkOf.get(segmentId);
      if (chunk === undefined || chunk < fromChunk || chunk >= toChunk) continue;
      (marks[segmentId] ??= []).push({ word: suspect.word, correction: suspect.correction });
    }
  }
  return { marks };
}

import 'server-only';

import type { Suspect } from './find-suspects';
import { runProofreadJob } from './worker/run-proofread-job';
import { liveSegmentSql } from '../auth/scope';
import { PROOFREAD_CACHED_WORKS } from '../config/limits';
import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';

/** The work a proofreading use case acts on. */
export interface ProofreadWork {
  id: string;
  collectionId: string;
  sourceLanguage: string;
  volumeId: string | null;
}

/** The suspects of a work's published source texts, as computed for their current revisions. */
export interface WorkFindings {
  language: string;
  hasDictionary: boolean;
  /** Most frequent first. */
  suspects: Suspect[];
  /** The editor chunk of every segment some suspect stands in. */
  chunkOf: ReadonlyMap<string, number>;
}

/** Loads the work, or throws NOT_FOUND. */
export async function loadProofreadWork(db: Db, workId: string): Promise<ProofreadWork> {
  const work = await db.work.findUnique({ where: { id: workId }, select: { id: true, collectionId: true, sourceLanguage: true, volumeId: true } });
  if (!work) throw new AppError('NOT_FOUND', 'work.notFoundThat');
  return work;
}

interface CachedFindings {
  fingerprint: string;
  findings: Promise<WorkFindings>;
}

// Per process, most recently used last; a work's entry is replaced when its texts change.
const globalForCache = globalThis as unknown as { interlinearProofreadCache?: Map<string, CachedFindings> };
const cache = (globalForCache.interlinearProofreadCache ??= new Map());

/**
 * The findings of a work (its words checked against the dictionary of its source language and the
 * vocabulary of its volume, or of the work alone when it was not printed in one). Computed in the
 * proofreading thread once per state of the texts and kept for the last
 * {@link PROOFREAD_CACHED_WORKS} works: the state is a digest of the published revision ids of
 * every text the check reads, so any published change (an approval, a revert, a structural edit,
 * a re-import) makes the next request compute them again, and requests meanwhile (the editor
 * scrolling, the list paging) cost one small query. The caller checks permissions first.
 */
export async function workFindings(db: Db, work: ProofreadWork): Promise<WorkFindings> {
  const fingerprint = await textsFingerprint(db, work);
  const cached = cache.get(work.id);
  if (cached?.fingerprint === fingerprint) {
    cache.delete(work.id);
    cache.set(work.id, cached);
    return cached.findings;
  }
  const findings = computeFindings(db, work);
  cache.set(work.id, { fingerprint, findings });
  // A failed check is not kept: the next request tries again.
  findings.catch(() => {
    if (cache.get(work.id)?.findings === findings) cache.delete(work.id);
  });
  while (cache.size > PROOFREAD_CACHED_WORKS) cache.delete(cache.keys().next().value ?? '');
  return findings;
}

async function textsFingerprint(db: Db, work: ProofreadWork): Promise<string> {
  const [row] = await db.$queryRaw<{ digest: string | null }[]>`
    SELECT md5(string_agg(t.published_revision_id::text, ',' ORDER BY t.published_revision_id)) AS digest
      FROM work w
      JOIN segment s ON s.work_id = w.id AND ${liveSegmentSql('s')} AND s.kind <> 'PARAGRAPH'
      JOIN segment_text t ON t.segment_id = s.id AND t.language = w.source_language AND t.published_revision_id IS NOT NULL
     WHERE w.id = ${work.id}::uuid OR (${work.volumeId}::uuid IS NOT NULL AND w.volume_id = ${work.volumeId}::uuid)`;
  return row?.digest ?? 'empty';
}

async function computeFindings(db: Db, work: ProofreadWork): Promise<WorkFindings> {
  // The work's own texts are checked; the other works of its volume lend their words only.
  const rows = await db.$queryRaw<{ segment_id: string; chunk: number; work_id: string; text: string }[]>`
    SELECT s.id AS segment_id, s.chunk, s.work_id, r.text
      FROM work w
      JOIN segment s ON s.work_id = w.id AND ${liveSegmentSql('s')} AND s.kind <> 'PARAGRAPH'
      JOIN segment_text t ON t.segment_id = s.id AND t.language = w.source_language
      JOIN revision r ON r.id = t.published_revision_id
     WHERE w.id = ${work.id}::uuid OR (${work.volumeId}::uuid IS NOT NULL AND w.volume_id = ${work.volumeId}::uuid)
     ORDER BY w.volume_position NULLS FIRST, s.chunk, s.order_key`;
  const texts = rows.map((row) => ({ segmentId: row.segment_id, text: row.text, isChecked: row.work_id === work.id }));
  const { suspects, hasDictionary } = await runProofreadJob({ language: work.sourceLanguage, texts });
  const chunkOf = new Map(rows.filter((row) => row.work_id === work.id).map((row) => [row.segment_id, row.chunk]));
  return { language: work.sourceLanguage, hasDictionary, suspects, chunkOf };
}

/** Forgets every work's findings (tests). */
export function forgetWorkFindings(): void {
  cache.clear();
}

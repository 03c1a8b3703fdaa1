import 'server-only';

import type { SuspectReason } from './find-suspects';
import { loadProofreadWork, workFindings } from './work-findings';
import { assertCan, type Actor } from '../auth/permissions';
import { MAX_PROOFREAD_PAGE, MAX_PROOFREAD_PLACES_SHOWN } from '../config/limits';
import { getDb, type Db } from '../db/client';

/** One suspect word as the work's list shows it. */
export interface SuspectView {
  word: string;
  count: number;
  reasons: SuspectReason[];
  correction: string | null;
  /** The first segments it stands in (at most {@link MAX_PROOFREAD_PLACES_SHOWN}), each with an excerpt. */
  places: { segmentId: string; excerpt: string }[];
  /** How many segments it stands in. */
  placeCount: number;
}

export interface WorkSuspects {
  /** The source language checked. */
  language: string;
  hasDictionary: boolean;
  /** Suspects in the whole work. */
  total: number;
  /** Of them, those with a correction proposed. */
  withCorrection: number;
  offset: number;
  suspects: SuspectView[];
}

/**
 * A page of a work's suspected OCR errors in its source language, most frequent first: for
 * those who may correct it (`segment.edit`). Throws NOT_FOUND for an unknown work,
 * UNAUTHENTICATED/FORBIDDEN, and SERVER_BUSY/INTERNAL from the proofreading thread.
 */
export async function getWorkSuspects({ actor, workId, offset = 0, limit = 50, db = getDb() }: { actor: Actor; workId: string; offset?: number; limit?: number; db?: Db }): Promise<WorkSuspects> {
  const work = await loadProofreadWork(db, workId);
  assertCan(actor, 'segment.edit', { collectionId: work.collectionId });
  const findings = await workFindings(db, work);
  const from = Math.max(0, offset);
  const page = findings.suspects.slice(from, from + Math.min(Math.max(limit, 1), MAX_PROOFREAD_PAGE));
  return {
    language: findings.language,
    hasDictionary: findings.hasDictionary,
    total: findings.suspects.length,
    withCorrection: findings.suspects.filter((suspect) => suspect.correction !== null).length,
    offset: from,
    suspects: page.map((suspect) => ({
      word: suspect.word,
      count: suspect.count,
      reasons: suspect.reasons,
      correction: suspect.correction,
      places: suspect.places.slice(0, MAX_PROOFREAD_PLACES_SHOWN),
      placeCount: suspect.places.length,
    })),
  };
}

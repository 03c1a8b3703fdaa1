import 'server-only';

import { z } from 'zod';

import { hunkRejectionSchema, type HunkRejection } from './schemas';
import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { issuesInLine } from '../errors/issues-in-line';

/**
 * What became of a suggestion whose words were not all taken: REJECTED outright; PARTLY_APPROVED,
 * published with some of its changes turned down; EDITED, published as a reviewer rewrote it.
 */
export type DeclinedOutcome = 'REJECTED' | 'PARTLY_APPROVED' | 'EDITED';

/** The fields of a suggestion row that say whether, and how, its text was turned down. */
export interface DecidedRow {
  id: string;
  status: string;
  text: string;
  approvedText: string | null;
  hunkRejections: unknown;
}

/** How a decided suggestion's text was turned down, or null when it was not (open, withdrawn, published as it stood). */
export function declinedOutcome(row: DecidedRow): DeclinedOutcome | null {
  if (row.status === 'REJECTED') return 'REJECTED';
  if (row.status !== 'PUBLISHED' || row.approvedText === null || row.approvedText === row.text) return null;
  return readHunkRejections(row).length > 0 ? 'PARTLY_APPROVED' : 'EDITED';
}

/** Statuses of suggestions that may have been turned down: {@link declinedOutcome} decides for each. */
export const DECIDED_STATUSES = ['REJECTED', 'PUBLISHED'] as const;

/** One key per (segment, base, text): a draft and a suggestion with the same key are the same proposal. */
export function proposalKey(segmentId: string, baseRevisionId: string | null, text: string): string {
  return `${segmentId}\u0000${baseRevisionId ?? ''}\u0000${text}`;
}

/** Why a proposal is one the reviewers already have: waiting for their decision, or turned down. */
export type TwinOutcome = 'WAITING' | DeclinedOutcome;

/**
 * A suggestion for the same text, on the same base revision and word for word the same, that is
 * waiting for review or that a reviewer already turned down (rejected, or published only in part
 * or rewritten); null when there is none. Submitting it again would ask the reviewers a question
 * they have, or have answered.
 */
export async function findSuggestionTwin(db: Db, { segmentId, language, baseRevisionId, text }: { segmentId: string; language: string; baseRevisionId: string | null; text: string }): Promise<{ suggestionId: string; outcome: TwinOutcome } | null> {
  const rows = await db.suggestion.findMany({
    where: { segmentId, language, baseRevisionId, text, kind: { not: 'STRUCTURE' }, status: { in: ['PENDING', 'APPROVED', ...DECIDED_STATUSES] } },
    orderBy: { id: 'desc' },
    select: { id: true, status: true, text: true, approvedText: true, hunkRejections: true },
  });
  for (const row of rows) {
    const outcome = row.status === 'PENDING' || row.status === 'APPROVED' ? 'WAITING' : declinedOutcome(row);
    if (outcome) return { suggestionId: row.id, outcome };
  }
  return null;
}

/** The refusal of a twin of a suggestion waiting for review or turned down (CONFLICT), in words the volunteer can act on; the details name the twin. */
export function suggestionTwinError(twin: { suggestionId: string; outcome: TwinOutcome }): AppError {
  return new AppError('CONFLICT', 'review.twin', { values: { outcome: twin.outcome }, details: twin });
}

/**
 * The parts turned down as stored with the suggestion; a stored value of another shape is logged
 * and shown as one line saying it could not be read, rather than hidden (the author would take
 * every change for accepted).
 */
export function readHunkRejections(row: { id: string; hunkRejections: unknown }): HunkRejection[] {
  const parsed = z.array(hunkRejectionSchema).safeParse(row.hunkRejections);
  if (parsed.success) return parsed.data;
  console.error(`[review] hunk rejections of suggestion ${row.id} cannot be read: ${issuesInLine(parsed.error)}`);
  return [{ excerpt: '…', reason: 'OTHER', note: 'The reviewer’s reasons for the changes turned down could not be read.' }];
}

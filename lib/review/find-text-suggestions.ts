import 'server-only';

import { declinedOutcome, readHunkRejections, type DeclinedOutcome } from './declined-suggestions';
import type { HunkRejection, RejectReasonCode } from './schemas';
import { actorUserId, can, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

/** Suggestions of each kind kept per text, newest first: enough to recognise a draft, never a whole history. */
const MAX_PER_TEXT = 5;

/** A suggestion awaiting a decision, as the editor matches it against the draft. */
export interface WaitingSuggestion {
  suggestionId: string;
  /** PENDING, or APPROVED once and waiting for a second reviewer's validation. */
  status: 'PENDING' | 'APPROVED';
  text: string;
  baseRevisionId: string | null;
  /** The viewer wrote it. */
  isOwn: boolean;
}

/** A suggestion whose words were turned down in whole or in part, with the reviewers' reasons. */
export interface DeclinedSuggestion {
  suggestionId: string;
  outcome: DeclinedOutcome;
  text: string;
  baseRevisionId: string | null;
  isOwn: boolean;
  /** Why it was rejected (REJECTED only). */
  reason: RejectReasonCode | null;
  note: string;
  /** The changes turned down while the rest was published, each with its reason (PARTLY_APPROVED). */
  turnedDown: HunkRejection[];
}

/** What the editor needs to know of the suggestions for one text. */
export interface TextSuggestions {
  waiting: WaitingSuggestion[];
  declined: DeclinedSuggestion[];
}

export interface FindTextSuggestionsOptions {
  /** The viewer: their own suggestions are marked `isOwn`. */
  actor: Actor;
  /** The collection of the segments' work: only those who may suggest or review there see its suggestions. */
  collectionId: string;
  language: string;
  /** Segments the caller has already checked the actor may read. */
  segmentIds: readonly string[];
  db?: Db;
}

/**
 * For each of some segments' texts in one language, the newest suggestions awaiting review and
 * the newest whose words a reviewer turned down (rejected, or published only in part or
 * rewritten), so the editor can tell a draft that is waiting for review or was declined as it
 * stands from one to submit. Segments without either are left out. Two indexed queries; the
 * caller has checked `work.read` on the segments' work. Readers who may neither suggest nor
 * review in the collection (guests) get none: suggestions and reviewers' notes are the
 * volunteers' and editors' business, not the public's.
 */
export async function findTextSuggestions({ actor, collectionId, language, segmentIds, db = getDb() }: FindTextSuggestionsOptions): Promise<Map<string, TextSuggestions>> {
  const found = new Map<string, TextSuggestions>();
  if (segmentIds.length === 0) return found;
  if (!can(actor, 'suggestion.create', { collectionId }) && !can(actor, 'suggestion.review', { collectionId })) return found;
  const viewerId = actorUserId(actor);
  const select = { id: true, segmentId: true, status: true, text: true, approvedText: true, baseRevisionId: true, authorId: true, rejectReason: true, rejectNote: true, hunkRejections: true } as const;
  const [waiting, decided] = await Promise.all([
    db.suggestion.findMany({ where: { segmentId: { in: [...segmentIds] }, language, kind: { not: 'STRUCTURE' }, status: { in: ['PENDING', 'APPROVED'] } }, orderBy: { id: 'desc' }, select }),
    db.suggestion.findMany({
      // Published as suggested is not declined: only rejections and texts published otherwise.
      where: { segmentId: { in: [...segmentIds] }, language, kind: { not: 'STRUCTURE' }, OR: [{ status: 'REJECTED' }, { status: 'PUBLISHED', NOT: { approvedText: { equals: db.suggestion.fields.text } } }] },
      orderBy: { id: 'desc' },
      select,
    }),
  ]);
  const of = (segmentId: string): TextSuggestions => {
    let entry = found.get(segmentId);
    if (!entry) found.set(segmentId, (entry = { waiting: [], declined: [] }));
    return entry;
  };
  for (const row of waiting) {
    const entry = of(row.segmentId);
    if (entry.waiting.length >= MAX_PER_TEXT) continue;
    entry.waiting.push({ suggestionId: row.id, status: row.status as 'PENDING' | 'APPROVED', text: row.text, baseRevisionId: row.baseRevisionId, isOwn: viewerId !== null && row.authorId === viewerId });
  }
  for (const row of decided) {
    const outcome = declinedOutcome(row);
    if (!outcome) continue;
    const entry = of(row.segmentId);
    if (entry.declined.length >= MAX_PER_TEXT) continue;
    entry.declined.push({
      suggestionId: row.id,
      outcome,
      text: row.text,
      baseRevisionId: row.baseRevisionId,
      isOwn: viewerId !== null && row.authorId === viewerId,
      reason: outcome === 'REJECTED' ? row.rejectReason : null,
      note: outcome === 'REJECTED' ? row.rejectNote : '',
      turnedDown: outcome === 'PARTLY_APPROVED' ? readHunkRejections(row) : [],
    });
  }
  return found;
}

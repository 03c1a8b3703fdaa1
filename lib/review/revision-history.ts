import 'server-only';

import { revertInput, type RevertInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, actorUserId, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { diffWords, type DiffOp } from '../diff/word-diff';
import { AppError } from '../errors/app-error';
import { machineOriginOf, type MachineOrigin } from '../machine-translation/providers';
import { writeRevision } from '../revision/write-revision';
import { emphasisFromPairs } from '../segment/emphasis';
import { assertNotRetired, loadSegmentContext, publishedRevisionOf } from '../segment/segment-context';

export interface HistoryEntry {
  revisionId: string;
  text: string;
  origin: string;
  authorName: string | null;
  /** The reviewer who changed the author's text before publishing it, credited beside the author. */
  editorName: string | null;
  createdAt: Date;
  isPublished: boolean;
  /** Its text is the one published now (the published revision, or an earlier one with the same words): publishing it again would change nothing. */
  isSameAsPublished: boolean;
  /** Word diff against the revision before it (the whole text as an insertion for the first). */
  diff: DiffOp[];
  /** The machine translation service its words came from (and whether a person edited them), or null for human text. */
  machine: MachineOrigin | null;
}

/** Every revision of a segment's text in one language, newest first, each with its diff to the previous. */
export async function getRevisionHistory({ actor, segmentId, language, db = getDb() }: { actor: Actor; segmentId: string; language: string; db?: Db }): Promise<HistoryEntry[]> {
  const context = await loadSegmentContext(db, segmentId);
  assertCan(actor, 'work.read', { collectionId: context.collectionId });
  const text = await db.segmentText.findUnique({
    where: { segmentId_language: { segmentId, language } },
    select: {
      publishedRevisionId: true,
      revisions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, text: true, origin: true, createdAt: true, parentId: true, machineProvider: true, isMachineEdited: true, author: { select: { name: true } }, editedBy: { select: { name: true } } } },
    },
  });
  if (!text) return [];
  const textOf = new Map(text.revisions.map((revision) => [revision.id, revision.text]));
  const publishedText = text.publishedRevisionId ? textOf.get(text.publishedRevisionId) : undefined;
  return text.revisions
    .map((revision) => ({
      revisionId: revision.id,
      text: revision.text,
      origin: revision.origin,
      authorName: revision.author?.name ?? null,
      editorName: revision.editedBy?.name ?? null,
      createdAt: revision.createdAt,
      isPublished: revision.id === text.publishedRevisionId,
      isSameAsPublished: revision.text === publishedText,
      diff: diffWords(revision.parentId ? (textOf.get(revision.parentId) ?? '') : '', revision.text),
      machine: machineOriginOf(revision),
    }))
    .reverse();
}

/**
 * Publishes an earlier revision's text again, as a new REVERT revision (history is never
 * rewritten). Compare-and-set on `expectedRevisionId`, the revision the editor saw published.
 * Throws UNAUTHENTICATED/FORBIDDEN, NOT_FOUND (no such revision of this text), STALE_BASE (the
 * published text changed since), INVALID_INPUT (its words are the ones published now: a
 * revision that changes nothing would only clutter the history).
 */
export async function revertToRevision({ actor, input, db = getDb() }: { actor: Actor; input: RevertInput; db?: Db }): Promise<{ revisionId: string }> {
  const { segmentId, language, revisionId, expectedRevisionId } = revertInput.parse(input);
  return withTransaction(db, async (tx) => {
    const context = await loadSegmentContext(tx, segmentId);
    assertCan(actor, 'revision.revert', { collectionId: context.collectionId });
    assertNotRetired(context);
    const target = await tx.revision.findFirst({ where: { id: revisionId, segmentText: { segmentId, language } }, select: { text: true, sourceRevisionId: true, emphasis: true, machineProvider: true, isMachineEdited: true } });
    if (!target) throw new AppError('NOT_FOUND', 'review.revisionNotInHistory');
    // Checked here for the message; writeRevision checks the pointer again under its row lock.
    const published = await publishedRevisionOf(tx, segmentId, language);
    if ((published?.id ?? null) !== expectedRevisionId) throw new AppError('STALE_BASE', 'review.historyOutdated');
    if (published?.text === target.text) throw new AppError('INVALID_INPUT', 'review.alreadyPublished');
    const newRevisionId = await writeRevision({
      tx,
      segmentId,
      language,
      text: target.text,
      // The earlier version comes back with its emphasis, not the published text's carried over.
      emphasis: emphasisFromPairs(target.emphasis),
      origin: 'REVERT',
      authorId: actorUserId(actor),
      expectedRevisionId,
      fields: target.sourceRevisionId ? { sourceRevisionId: target.sourceRevisionId } : {},
      // The earlier words come back with their label: machine output published again is still machine output.
      revisionFields: { sourceRevisionId: target.sourceRevisionId, machineProvider: target.machineProvider, isMachineEdited: target.isMachineEdited },
    });
    await recordAuditEvent({ db: tx, type: 'revision.reverted', actorId: actorUserId(actor), collectionId: context.collectionId, workId: context.workId, data: { segmentId, language, to: revisionId, revisionId: newRevisionId } });
    return { revisionId: newRevisionId as string };
  });
}

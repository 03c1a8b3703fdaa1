import 'server-only';

import { approvalInput, rejectInput, type ApprovalInput, type RejectInput } from './schemas';
import { mergeThreeWay } from './three-way-merge';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, actorUserId, roleFor, type Actor } from '../auth/permissions';
import { assertNoBlockingFindings } from '../checks/assert-no-blocking-findings';
import { getDb, withTransaction, type Db, type Prisma } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';
import { notifySuggestionOutcome } from '../notify/notify-suggestion-outcome';
import { writeRevision } from '../revision/write-revision';
import { assertNotContinuation, assertNotRetired, loadSegmentContext, publishedRevisionOf, type SegmentContext } from '../segment/segment-context';
import { applyStructuralEdit } from '../structure/apply-structural-edit';

export interface ApprovalOutcome {
  suggestionId: string;
  /** APPROVED: waiting for a second reviewer; PUBLISHED: its text is now the published one. */
  status: 'APPROVED' | 'PUBLISHED';
  revisionId: string | null;
}

/** What a reviewer sees when a suggestion was made from a text that is no longer published. */
export interface ConflictDetails {
  suggestionId: string;
  baseText: string;
  /** The published text now, with the revision a resolution must be based on. */
  currentText: string;
  currentRevisionId: string | null;
  suggestedText: string;
  /** Both changes applied together when they touch different words; null when they clash. */
  mergeProposal: string | null;
}

type LockedSuggestion = Awaited<ReturnType<typeof lockSuggestion>>;

async function lockSuggestion(tx: Prisma.TransactionClient, suggestionId: string) {
  // Row lock: two reviewers deciding the same suggestion at once are serialised here.
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM suggestion WHERE id = ${suggestionId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'review.suggestionNotFound');
  return tx.suggestion.findUniqueOrThrow({ where: { id: suggestionId } });
}

function assertMayReview(actor: Actor, suggestion: LockedSuggestion, context: SegmentContext): void {
  assertCan(actor, 'suggestion.review', { collectionId: context.collectionId });
  const userId = actorUserId(actor);
  const isOwn = userId !== null && suggestion.authorId === userId;
  if (isOwn && !(context.allowSelfApproval && roleFor(actor, { collectionId: context.collectionId }) === 'admin')) {
    throw new AppError('FORBIDDEN', 'review.ownSuggestion');
  }
}

function assertOpen(suggestion: LockedSuggestion, statuses: readonly string[]): void {
  if (!statuses.includes(suggestion.status)) {
    throw new AppError('CONFLICT', 'review.alreadyDecided', { values: { status: suggestion.status }, details: { status: suggestion.status } });
  }
}

/**
 * Approves a suggestion. In a collection with one reviewer it is published at once; with two,
 * the first approval waits (APPROVED) and a different reviewer's approval publishes it. Publishing
 * is a compare-and-set on the suggestion's base: when the published text changed since the
 * suggestion was made, nothing is written and a CONFLICT error carries both changes and a
 * three-way merge proposal; the reviewer resolves it by approving with `text` (based on the
 * current revision) or rejecting. No one approves their own suggestion, except a collection admin
 * where the collection allows it. A structural edit (kind STRUCTURE) is applied as proposed
 * instead, or refused with CONFLICT ({@link approveStructuralSuggestion}).
 */
export async function approveSuggestion({ actor, input, db = getDb() }: { actor: Actor; input: ApprovalInput; db?: Db }): Promise<ApprovalOutcome> {
  const { suggestionId, text: editedText, expectedRevisionId: seenRevisionId, hunkRejections } = approvalInput.parse(input);
  return withTransaction(db, async (tx) => {
    const suggestion = await lockSuggestion(tx, suggestionId);
    const context = await loadSegmentContext(tx, suggestion.segmentId);
    assertMayReview(actor, suggestion, context);
    assertOpen(suggestion, ['PENDING', 'APPROVED']);
    if (suggestion.kind === 'STRUCTURE') return approveStructuralSuggestion(tx, { actor, suggestion, context, isEdited: editedText !== undefined || hunkRejections.length > 0 });
    assertNotRetired(context);
    // Made before its segment was grouped into the previous one: publishing it would show the passage twice.
    await assertNotContinuation(tx, suggestion.segmentId, suggestion.language);
    const userId = actorUserId(actor);
    const now = new Date();
    const isValidation = suggestion.status === 'APPROVED';
    if (isValidation && userId !== null && suggestion.reviewerId === userId) throw new AppError('FORBIDDEN', 'review.secondReviewer');
    const text = editedText ?? suggestion.approvedText ?? suggestion.text;
    const published = await publishedRevisionOf(tx, suggestion.segmentId, suggestion.language);
    // A text the reviewer changed is held to the blocking checks, as the volunteer's was when submitted.
    if (suggestion.kind === 'TRANSLATION' && text !== suggestion.text) {
      await assertNoBlockingFindings(tx, { segmentId: suggestion.segmentId, workId: context.workId, collectionId: context.collectionId, sourceLanguage: context.sourceLanguage, language: suggestion.language, text });
    }
    // An edited text was written against the published revision the reviewer saw (by default the
    // one published now); otherwise the suggestion's own text against its base.
    const expectedRevisionId = editedText !== undefined ? (seenRevisionId !== undefined ? seenRevisionId : (published?.id ?? null)) : suggestion.baseRevisionId;
    if ((published?.id ?? null) !== expectedRevisionId) throw await conflictError(tx, suggestion, published);

    if (context.reviewPolicy === 'DOUBLE' && !isValidation) {
      await tx.suggestion.update({ where: { id: suggestion.id }, data: { status: 'APPROVED', reviewerId: userId, reviewedAt: now, approvedText: text, hunkRejections, baseRevisionId: expectedRevisionId, updatedAt: now } });
      await recordAuditEvent({ ...auditSubject(tx, actor, context), type: 'suggestion.approved', data: { segmentId: context.segmentId, suggestionId, awaitingValidation: true, hunkRejections: hunkRejections.length } });
      await notifySuggestionOutcome({ tx, actor, type: 'suggestion.approved', suggestion: { ...suggestion, text }, status: 'APPROVED', turnedDown: hunkRejections });
      return { suggestionId, status: 'APPROVED', revisionId: null };
    }

    const revisionId = await writeRevision({
      tx,
      onStale: async () => conflictError(tx, suggestion, await publishedRevisionOf(tx, suggestion.segmentId, suggestion.language)),
      segmentId: suggestion.segmentId,
      language: suggestion.language,
      text,
      origin: 'APPROVAL',
      // The words are the author's, and the reviewer's where they changed them before publishing
      // (credited as editor); the decision itself is recorded on the suggestion and in the audit log.
      authorId: suggestion.authorId,
      editedById: text === suggestion.text ? null : editedById(suggestion, editedText, userId),
      expectedRevisionId,
      fields: suggestion.sourceRevisionId ? { sourceRevisionId: suggestion.sourceRevisionId } : {},
      // Machine output stays labelled; changed by the reviewer, it is machine translation, edited.
      revisionFields: { sourceRevisionId: suggestion.sourceRevisionId, machineProvider: suggestion.machineProvider, isMachineEdited: suggestion.machineProvider !== null && (suggestion.isMachineEdited || text !== suggestion.text) },
    });
    await tx.suggestion.update({
      where: { id: suggestion.id },
      data: isValidation
        ? { status: 'PUBLISHED', validatorId: userId, validatedAt: now, revisionId, updatedAt: now }
        : { status: 'PUBLISHED', reviewerId: userId, reviewedAt: now, approvedText: text, hunkRejections, revisionId, baseRevisionId: expectedRevisionId, updatedAt: now },
    });
    await recordAuditEvent({ ...auditSubject(tx, actor, context), type: isValidation ? 'suggestion.validated' : 'suggestion.approved', data: { segmentId: context.segmentId, suggestionId, revisionId, hunkRejections: hunkRejections.length } });
    // The changes turned down are the first reviewer's: told with the first approval, not again.
    await notifySuggestionOutcome({ tx, actor, type: isValidation ? 'suggestion.validated' : 'suggestion.approved', suggestion: { ...suggestion, text }, status: 'PUBLISHED', turnedDown: isValidation ? [] : hunkRejections });
    return { suggestionId, status: 'PUBLISHED', revisionId };
  });
}

/**
 * Approves a structural edit (lib/structure): applied as proposed, for every language at once,
 * when it publishes (one reviewer, or the second of two); a first approval of two checks that it
 * would apply now and waits. Refused with CONFLICT when the text changed since it was proposed or
 * text suggestions on its segments await review (lib/structure/apply-structural-edit.ts).
 */
async function approveStructuralSuggestion(tx: Prisma.TransactionClient, { actor, suggestion, context, isEdited }: { actor: Actor; suggestion: LockedSuggestion; context: SegmentContext; isEdited: boolean }): Promise<ApprovalOutcome> {
  if (isEdited) throw new AppError('INVALID_INPUT', 'review.structuralAsProposed');
  const userId = actorUserId(actor);
  const now = new Date();
  const isValidation = suggestion.status === 'APPROVED';
  if (isValidation && userId !== null && suggestion.reviewerId === userId) throw new AppError('FORBIDDEN', 'review.secondReviewer');
  const subject = { tx, suggestion: { id: suggestion.id, workId: suggestion.workId, collectionId: suggestion.collectionId, authorId: suggestion.authorId, operation: suggestion.operation }, reviewerId: userId };
  if (context.reviewPolicy === 'DOUBLE' && !isValidation) {
    await applyStructuralEdit({ ...subject, isDryRun: true });
    await tx.suggestion.update({ where: { id: suggestion.id }, data: { status: 'APPROVED', reviewerId: userId, reviewedAt: now, approvedText: suggestion.text, updatedAt: now } });
    await recordAuditEvent({ ...auditSubject(tx, actor, context), type: 'suggestion.approved', data: { segmentId: context.segmentId, suggestionId: suggestion.id, awaitingValidation: true, hunkRejections: 0 } });
    await notifySuggestionOutcome({ tx, actor, type: 'suggestion.approved', suggestion, status: 'APPROVED' });
    return { suggestionId: suggestion.id, status: 'APPROVED', revisionId: null };
  }
  const { revisionId } = await applyStructuralEdit(subject);
  await tx.suggestion.update({
    where: { id: suggestion.id },
    data: isValidation
      ? { status: 'PUBLISHED', validatorId: userId, validatedAt: now, revisionId, updatedAt: now }
      : { status: 'PUBLISHED', reviewerId: userId, reviewedAt: now, approvedText: suggestion.text, revisionId, updatedAt: now },
  });
  await recordAuditEvent({ ...auditSubject(tx, actor, context), type: isValidation ? 'suggestion.validated' : 'suggestion.approved', data: { segmentId: context.segmentId, suggestionId: suggestion.id, revisionId, hunkRejections: 0 } });
  await notifySuggestionOutcome({ tx, actor, type: isValidation ? 'suggestion.validated' : 'suggestion.approved', suggestion, status: 'PUBLISHED' });
  return { suggestionId: suggestion.id, status: 'PUBLISHED', revisionId };
}

/**
 * Who wrote the changes between the suggestion and the text published: the reviewer publishing now
 * when they edited it, else the first reviewer, whose edited text (`approvedText`) a validation
 * publishes as it stands.
 */
function editedById(suggestion: LockedSuggestion, editedText: string | undefined, userId: string | null): string | null {
  if (editedText !== undefined && editedText !== (suggestion.approvedText ?? suggestion.text)) return userId;
  return suggestion.approvedText !== null && suggestion.approvedText !== suggestion.text ? suggestion.reviewerId : userId;
}

/** Rejects a suggestion (pending, or approved and waiting for validation) with a reason. */
export async function rejectSuggestion({ actor, input, db = getDb() }: { actor: Actor; input: RejectInput; db?: Db }): Promise<void> {
  const { suggestionId, reason, note } = rejectInput.parse(input);
  if (reason === 'OTHER' && !note.trim()) throw new AppError('INVALID_INPUT', 'review.otherReasonMissing', { details: { note: [fieldMessage('field.requiredForOther')] } });
  await withTransaction(db, async (tx) => {
    const suggestion = await lockSuggestion(tx, suggestionId);
    const context = await loadSegmentContext(tx, suggestion.segmentId);
    assertMayReview(actor, suggestion, context);
    assertOpen(suggestion, ['PENDING', 'APPROVED']);
    const now = new Date();
    const userId = actorUserId(actor);
    await tx.suggestion.update({
      where: { id: suggestion.id },
      data: { status: 'REJECTED', rejectReason: reason, rejectNote: note.trim(), updatedAt: now, ...(suggestion.status === 'APPROVED' ? { validatorId: userId, validatedAt: now } : { reviewerId: userId, reviewedAt: now }) },
    });
    await recordAuditEvent({ ...auditSubject(tx, actor, context), type: 'suggestion.rejected', data: { segmentId: context.segmentId, suggestionId, reason } });
    await notifySuggestionOutcome({ tx, actor, type: 'suggestion.rejected', suggestion: { ...suggestion, text: suggestion.approvedText ?? suggestion.text }, status: 'REJECTED', rejection: { reason, note: note.trim() } });
  });
}

async function conflictError(tx: Prisma.TransactionClient, suggestion: LockedSuggestion, published: { id: string; text: string } | null): Promise<AppError> {
  const base = suggestion.baseRevisionId ? await tx.revision.findUnique({ where: { id: suggestion.baseRevisionId }, select: { text: true } }) : null;
  const baseText = base?.text ?? '';
  const currentText = published?.text ?? '';
  const details: ConflictDetails = {
    suggestionId: suggestion.id,
    baseText,
    currentText,
    currentRevisionId: published?.id ?? null,
    suggestedText: suggestion.approvedText ?? suggestion.text,
    mergeProposal: mergeThreeWay(baseText, currentText, suggestion.approvedText ?? suggestion.text),
  };
  return new AppError('STALE_BASE', 'review.publishedChanged', { details });
}

/** Who decided, and the collection and work of the segment: what every decision's audit event records. */
function auditSubject(tx: Prisma.TransactionClient, actor: Actor, context: SegmentContext) {
  return { db: tx, actorId: actorUserId(actor), collectionId: context.collectionId, workId: context.workId };
}

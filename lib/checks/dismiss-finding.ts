import 'server-only';

import { presentDismissal } from './load-dismissals';
import { dismissFindingInput, findingRefSchema, type DismissFindingInput, type FindingRef } from './schemas';
import type { Dismissal } from './types';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';
import { parseInput } from '../errors/parse-input';
import { loadSegmentContext, type SegmentContext } from '../segment/segment-context';

/** The segment of a finding, checked: live, in a translation language of its work, and the actor may dismiss there. */
async function loadFindingSegment(db: Db, actor: Actor, { segmentId, language }: { segmentId: string; language: string }): Promise<SegmentContext> {
  const context = await loadSegmentContext(db, segmentId);
  if (context.isRetired) throw new AppError('NOT_FOUND', 'segment.notFound');
  assertCan(actor, 'check.dismiss', { collectionId: context.collectionId });
  if (language === context.sourceLanguage) throw new AppError('INVALID_INPUT', 'checks.originalHasNoFindings', { details: { language: [fieldMessage('field.chooseTranslationsLanguage')] } });
  const isOpen = await db.workLanguage.findUnique({ where: { workId_language: { workId: context.workId, language } }, select: { language: true } });
  if (!isOpen) throw new AppError('NOT_FOUND', 'checks.noTranslation', { values: { language } });
  return context;
}

/**
 * Dismisses a finding of the quality checks on a segment's translation, with the editor's reason
 * (docs/quality-checks.md): remembered by segment, language, check and finding key, so the finding
 * does not come back while it stays the same; dismissing it again replaces the reason. Writes a
 * `check.dismissed` audit event. NOT_FOUND for an unknown or retired segment or a language the
 * work is not translated into; UNAUTHENTICATED/FORBIDDEN without `check.dismiss` there;
 * INVALID_INPUT for the source language or an empty reason.
 */
export async function dismissFinding({ actor, input, db = getDb() }: { actor: Actor; input: DismissFindingInput; db?: Db }): Promise<Dismissal> {
  const { segmentId, language, check, key, reason } = parseInput(dismissFindingInput, input);
  return withTransaction(db, async (tx) => {
    const context = await loadFindingSegment(tx, actor, { segmentId, language });
    const dismissedById = actorUserId(actor);
    const row = await tx.checkDismissal.upsert({
      where: { segmentId_language_checkId_findingKey: { segmentId, language, checkId: check, findingKey: key } },
      create: { segmentId, workId: context.workId, language, checkId: check, findingKey: key, reason, dismissedById },
      update: { reason, dismissedById, createdAt: new Date() },
      select: { checkId: true, findingKey: true, reason: true, createdAt: true, dismissedBy: { select: { id: true, name: true } } },
    });
    await recordAuditEvent({ db: tx, type: 'check.dismissed', actorId: dismissedById, collectionId: context.collectionId, workId: context.workId, data: { segmentId, language, check, key, reason } });
    return presentDismissal(row);
  });
}

/**
 * Restores a dismissed finding: it shows as a finding again (and blocks a submission again when
 * its check is blocking). Writes a `check.restored` audit event. NOT_FOUND when the finding is
 * not dismissed; the other errors as {@link dismissFinding}.
 */
export async function restoreFinding({ actor, input, db = getDb() }: { actor: Actor; input: FindingRef; db?: Db }): Promise<void> {
  const { segmentId, language, check, key } = parseInput(findingRefSchema, input);
  await withTransaction(db, async (tx) => {
    const context = await loadFindingSegment(tx, actor, { segmentId, language });
    const { count } = await tx.checkDismissal.deleteMany({ where: { segmentId, language, checkId: check, findingKey: key } });
    if (count === 0) throw new AppError('NOT_FOUND', 'checks.findingNotDismissed');
    await recordAuditEvent({ db: tx, type: 'check.restored', actorId: actorUserId(actor), collectionId: context.collectionId, workId: context.workId, data: { segmentId, language, check, key } });
  });
}

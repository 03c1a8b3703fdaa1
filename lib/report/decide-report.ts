import 'server-only';

import { reportTargetLock } from './report-target-lock';
import { decideReportInput, type DecideReportInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCanSomewhere, can, actorUserId, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

export interface DecideReportOptions {
  actor: Actor;
  input: DecideReportInput;
  db?: Db;
}

/** Closes a report as fixed: the error was corrected (or a correction is under way). See {@link decideReport}. */
export function resolveReport(options: DecideReportOptions): Promise<void> {
  return decideReport({ ...options, outcome: 'RESOLVED' });
}

/** Closes a report as not an error (or a duplicate, or spam). See {@link decideReport}. */
export function dismissReport(options: DecideReportOptions): Promise<void> {
  return decideReport({ ...options, outcome: 'DISMISSED' });
}

/**
 * Closes an open report with a note, and the reports merged into it (the same text reported
 * again), with a `report.resolved` / `report.dismissed` audit event in the same transaction. The update is a compare-and-set on the OPEN status, so two editors
 * closing the same report end with one decision and a CONFLICT for the other. Throws
 * UNAUTHENTICATED/FORBIDDEN (not an editor anywhere), NOT_FOUND
 * (no such report, or one outside the collections the actor handles), CONFLICT (already closed).
 */
async function decideReport({ actor, input, outcome, db = getDb() }: DecideReportOptions & { outcome: 'RESOLVED' | 'DISMISSED' }): Promise<void> {
  assertCanSomewhere(actor, 'report.handle');
  const { reportId, note } = decideReportInput.parse(input);
  await withTransaction(db, async (tx) => {
    const report = await tx.readerReport.findUnique({ where: { id: reportId }, select: { collectionId: true, workId: true, segmentId: true, language: true, status: true } });
    // What one may not handle is not shown as existing.
    if (!report || !can(actor, 'report.handle', { collectionId: report.collectionId })) throw new AppError('NOT_FOUND', 'report.notFound');
    const userId = actorUserId(actor);
    const now = new Date();
    // No report is merged into this one while it is being closed (see reportTargetLock).
    await reportTargetLock(tx, report.segmentId, report.language);
    const decision = { status: outcome, handledById: userId, handledAt: now, handlerNote: note };
    const updated = await tx.readerReport.updateMany({ where: { id: reportId, status: 'OPEN' }, data: decision });
    if (updated.count === 0) {
      const current = await tx.readerReport.findUnique({ where: { id: reportId }, select: { status: true } });
      throw new AppError('CONFLICT', 'report.alreadyDecided', { values: { status: current?.status ?? report.status }, details: { status: current?.status ?? report.status } });
    }
    // The reports merged into it were about the same text: one decision closes them all.
    const duplicates = await tx.readerReport.updateMany({ where: { duplicateOfId: reportId, status: 'OPEN' }, data: decision });
    await recordAuditEvent({
      db: tx,
      type: outcome === 'RESOLVED' ? 'report.resolved' : 'report.dismissed',
      actorId: userId,
      collectionId: report.collectionId,
      workId: report.workId,
      data: { reportId, segmentId: report.segmentId, language: report.language, note, ...(duplicates.count > 0 ? { duplicates: duplicates.count } : {}) },
    });
  });
}

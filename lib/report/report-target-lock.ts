import 'server-only';

import type { Prisma } from '../db/client';

/**
 * Serialises, until the transaction ends, everything that merges reports on one segment's text in
 * one language or closes them: a report coming in while an editor closes the open report it
 * matches is either merged before the closing (and closed with it) or finds no open report and
 * starts a new one — never merged into a report that is already closed.
 */
export async function reportTargetLock(tx: Prisma.TransactionClient, segmentId: string, language: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`reader_report_target:${segmentId}:${language}`}, 0))`;
}

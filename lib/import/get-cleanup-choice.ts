import 'server-only';

import { parseAuditEvent } from '../audit/parse-audit-event';
import { assertCan, type Actor } from '../auth/permissions';
import { CLEANUP_RULES } from '../cleanup/cleanup-rules';
import type { CleanupRuleId } from '../cleanup/types';
import { getDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

/**
 * The cleanup rules the text of a work was last imported with, rule by rule: the choices of its
 * latest re-import, else the rules its first import ran. What a re-import form starts from.
 * Throws NOT_FOUND, UNAUTHENTICATED/FORBIDDEN (`work.import` on the work's collection).
 */
export async function getLastCleanupChoice({ actor, workId, db = getDb() }: { actor: Actor; workId: string; db?: Db }): Promise<Record<CleanupRuleId, boolean>> {
  const work = await db.work.findUnique({ where: { id: workId }, select: { collectionId: true } });
  if (!work) throw new AppError('NOT_FOUND', 'work.notFoundThat');
  assertCan(actor, 'work.import', { collectionId: work.collectionId });
  const types = ['work.imported', 'work.reimported'] as const;
  const row = await db.auditEvent.findFirst({ where: { workId, type: { in: [...types] } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true, type: true, data: true } });
  const event = row ? parseAuditEvent(row, types) : null;
  if (event?.type === 'work.reimported') {
    const choice = event.data.rules;
    return Object.fromEntries(CLEANUP_RULES.map((rule) => [rule.id, choice.isEnabled !== false && (choice.rules?.[rule.id] ?? rule.defaultEnabled)])) as Record<CleanupRuleId, boolean>;
  }
  // An import records the rules that ran, each with its count.
  const ran = new Set((event?.data.cleanup ?? []).map((line) => line.ruleId));
  return Object.fromEntries(CLEANUP_RULES.map((rule) => [rule.id, ran.has(rule.id)])) as Record<CleanupRuleId, boolean>;
}

import 'server-only';

import { loadStructureSnapshot } from './load-structure-snapshot';
import { planStructuralEdit, type StructurePlan } from './plan-structural-edit';
import type { StructuralOperation } from './structural-operation';
import type { StructureSnapshot } from './structure-snapshot';
import { assertCan, type Actor } from '../auth/permissions';
import type { Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

export interface PreparedStructuralEdit {
  work: { id: string; collectionId: string; sourceLanguage: string };
  snapshot: StructureSnapshot;
  plan: StructurePlan;
}

/**
 * What proposing and previewing a structural edit share: the work (NOT_FOUND when it does not
 * exist), the right to suggest in its collection (UNAUTHENTICATED/FORBIDDEN), and the plan of the
 * operation against the current state, whose refusal becomes the AppError it names (INVALID_INPUT,
 * CONFLICT, NOT_FOUND).
 */
export async function prepareStructuralEdit({ db, actor, workId, operation }: { db: Db; actor: Actor; workId: string; operation: StructuralOperation }): Promise<PreparedStructuralEdit> {
  const work = isUuid(workId) ? await db.work.findUnique({ where: { id: workId }, select: { id: true, collectionId: true, sourceLanguage: true } }) : null;
  if (!work) throw new AppError('NOT_FOUND', 'work.notFoundThat');
  assertCan(actor, 'suggestion.create', { collectionId: work.collectionId });
  const snapshot = await loadStructureSnapshot({ db, work, operation });
  const outcome = planStructuralEdit(snapshot, operation);
  if (!outcome.ok) throw new AppError(outcome.code, `structureRefusal.${outcome.refusal.refused}`, { values: outcome.refusal.values });
  return { work, snapshot, plan: outcome.plan };
}

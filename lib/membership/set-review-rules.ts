import 'server-only';

import type { ReviewRulesInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, type Actor, actorUserId } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

/**
 * Saves a collection's review rules (docs/review.md): one reviewer publishes (`SINGLE`) or a
 * second validates (`DOUBLE`), and whether its admins may approve their own suggestions. Saved
 * even when unchanged, so that the choice is recorded (`collection.review_rules_changed`, which the
 * getting-started checklist reads). Throws UNAUTHENTICATED/FORBIDDEN, NOT_FOUND.
 */
export async function setReviewRules({ actor, input, db = getDb() }: { actor: Actor; input: ReviewRulesInput; db?: Db }): Promise<ReviewRulesInput> {
  assertCan(actor, 'collection.configure', { collectionId: input.collectionId });
  return withTransaction(db, async (tx) => {
    const updated = await tx.collection.updateMany({ where: { id: input.collectionId }, data: { reviewPolicy: input.reviewPolicy, allowSelfApproval: input.allowSelfApproval } });
    if (updated.count === 0) throw new AppError('NOT_FOUND', 'collection.notFoundThat');
    await recordAuditEvent({
      db: tx,
      type: 'collection.review_rules_changed',
      actorId: actorUserId(actor),
      collectionId: input.collectionId,
      data: { reviewPolicy: input.reviewPolicy, allowSelfApproval: input.allowSelfApproval },
    });
    return input;
  });
}

import 'server-only';

import { assertCollection, loadTerm } from './glossary-rows';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';

/**
 * An editor deletes a term of a collection's glossary with its translations (proposals of it
 * included). Throws NOT_FOUND (no such term in the collection), UNAUTHENTICATED / FORBIDDEN.
 */
export async function deleteGlossaryTerm({ actor, collectionId, termId, db = getDb() }: { actor: Actor; collectionId: string; termId: string; db?: Db }): Promise<void> {
  await assertCollection(db, collectionId);
  assertCan(actor, 'glossary.manage', { collectionId });
  const term = await loadTerm(db, collectionId, termId);
  await withTransaction(db, async (tx) => {
    await tx.glossaryTerm.deleteMany({ where: { id: term.id, collectionId } });
    await recordAuditEvent({ db: tx, type: 'glossary.term_deleted', actorId: actorUserId(actor), collectionId, data: { termId: term.id, term: term.text, sourceLanguage: term.sourceLanguage, targetLanguage: term.targetLanguage } });
  });
}

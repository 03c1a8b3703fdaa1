import 'server-only';

import { assertCollection, assertProposalRoom, insertTranslations, loadTerm } from './glossary-rows';
import type { ProposeGlossaryTranslation } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

/**
 * A volunteer proposes another translation of an approved term (with how it may be used), which
 * waits for an editor's decision. Throws NOT_FOUND (no such term in the collection, or one not
 * approved yet), UNAUTHENTICATED / FORBIDDEN, CONFLICT (the term has this translation already, or
 * it is proposed; or the author's waiting proposals are at their limit).
 */
export async function proposeGlossaryTranslation({ actor, input, db = getDb() }: { actor: Actor; input: ProposeGlossaryTranslation; db?: Db }): Promise<{ id: string }> {
  await assertCollection(db, input.collectionId);
  assertCan(actor, 'glossary.propose', { collectionId: input.collectionId });
  const term = await loadTerm(db, input.collectionId, input.termId);
  if (term.state !== 'APPROVED') throw new AppError('NOT_FOUND', 'glossary.termNotFound');
  const createdById = actorUserId(actor);
  return withTransaction(db, async (tx) => {
    await assertProposalRoom(tx, { collectionId: input.collectionId, authorId: createdById });
    const inserted = await insertTranslations(tx, { termId: term.id, translations: [{ text: input.text, status: input.status }], state: 'PROPOSED', createdById });
    if (inserted === 0) throw new AppError('CONFLICT', 'glossary.translationExists', { values: { term: term.text, translation: input.text } });
    const translation = await tx.glossaryTranslation.findFirstOrThrow({ where: { termId: term.id, text: input.text, state: 'PROPOSED' }, orderBy: { id: 'desc' }, select: { id: true } });
    await recordAuditEvent({ db: tx, type: 'glossary.proposed', actorId: createdById, collectionId: input.collectionId, data: { kind: 'translation', id: translation.id, termId: term.id, term: term.text, translation: input.text, sourceLanguage: term.sourceLanguage, targetLanguage: term.targetLanguage } });
    return { id: translation.id };
  });
}

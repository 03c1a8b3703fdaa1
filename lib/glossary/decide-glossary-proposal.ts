import 'server-only';

import { assertCollection } from './glossary-rows';
import type { GlossaryDecision } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db, type Prisma } from '../db/client';
import { AppError } from '../errors/app-error';

interface Decided {
  termId: string;
  term: string;
  translation?: string;
  sourceLanguage: string;
  targetLanguage: string;
}

/**
 * An editor approves a proposal for a collection's glossary or turns it down with a reason (its
 * author reads it on the glossary page). A proposed term is decided with the translations
 * proposed with it; a proposed translation of an approved term alone. Compare-and-set on the
 * proposal's state: of two editors deciding at once, the second is told it was decided already
 * (CONFLICT) and changes nothing. Throws NOT_FOUND (no such proposal in the collection),
 * UNAUTHENTICATED / FORBIDDEN (volunteers may not decide), CONFLICT.
 */
export async function decideGlossaryProposal({ actor, input, db = getDb() }: { actor: Actor; input: GlossaryDecision; db?: Db }): Promise<{ kind: GlossaryDecision['kind']; id: string; state: 'APPROVED' | 'REJECTED' }> {
  await assertCollection(db, input.collectionId);
  assertCan(actor, 'glossary.manage', { collectionId: input.collectionId });
  const reviewerId = actorUserId(actor);
  const state = input.decision === 'approve' ? 'APPROVED' : 'REJECTED';
  const reason = state === 'REJECTED' ? input.reason : null;
  return withTransaction(db, async (tx) => {
    const decided = input.kind === 'term' ? await decideTerm(tx, input, state, reason, reviewerId) : await decideTranslation(tx, input, state, reason, reviewerId);
    const data = { kind: input.kind, id: input.id, ...decided };
    if (state === 'APPROVED') await recordAuditEvent({ db: tx, type: 'glossary.proposal_approved', actorId: reviewerId, collectionId: input.collectionId, data });
    else await recordAuditEvent({ db: tx, type: 'glossary.proposal_rejected', actorId: reviewerId, collectionId: input.collectionId, data: { ...data, reason: input.reason } });
    return { kind: input.kind, id: input.id, state };
  });
}

async function decideTerm(tx: Prisma.TransactionClient, input: GlossaryDecision, state: 'APPROVED' | 'REJECTED', reason: string | null, reviewerId: string | null): Promise<Decided> {
  const [term] = await tx.$queryRaw<{ text: string; source_language: string; target_language: string }[]>`
    UPDATE glossary_term SET state = ${state}::"GlossaryState", rejection_reason = ${reason}, reviewed_by_id = ${reviewerId}::uuid, reviewed_at = now(), updated_at = now()
     WHERE id = ${input.id}::uuid AND collection_id = ${input.collectionId}::uuid AND state = 'PROPOSED'
    RETURNING text, source_language, target_language`;
  if (!term) throw await notWaiting(tx, input);
  await tx.$executeRaw`
    UPDATE glossary_translation SET state = ${state}::"GlossaryState", rejection_reason = ${reason}, reviewed_by_id = ${reviewerId}::uuid, reviewed_at = now()
     WHERE term_id = ${input.id}::uuid AND state = 'PROPOSED'`;
  return { termId: input.id, term: term.text, sourceLanguage: term.source_language, targetLanguage: term.target_language };
}

async function decideTranslation(tx: Prisma.TransactionClient, input: GlossaryDecision, state: 'APPROVED' | 'REJECTED', reason: string | null, reviewerId: string | null): Promise<Decided> {
  const [translation] = await tx.$queryRaw<{ term_id: string; text: string; term: string; source_language: string; target_language: string }[]>`
    UPDATE glossary_translation r SET state = ${state}::"GlossaryState", rejection_reason = ${reason}, reviewed_by_id = ${reviewerId}::uuid, reviewed_at = now()
      FROM glossary_term t
     WHERE r.id = ${input.id}::uuid AND r.state = 'PROPOSED' AND t.id = r.term_id AND t.collection_id = ${input.collectionId}::uuid AND t.state = 'APPROVED'
    RETURNING r.term_id, r.text, t.text AS term, t.source_language, t.target_language`;
  if (!translation) throw await notWaiting(tx, input);
  return { termId: translation.term_id, term: translation.term, translation: translation.text, sourceLanguage: translation.source_language, targetLanguage: translation.target_language };
}

/** Why a proposal could not be decided: it was decided already (CONFLICT), or there is no such proposal here (NOT_FOUND). */
async function notWaiting(tx: Prisma.TransactionClient, input: GlossaryDecision): Promise<AppError> {
  const exists =
    input.kind === 'term'
      ? await tx.glossaryTerm.count({ where: { id: input.id, collectionId: input.collectionId } })
      : await tx.glossaryTranslation.count({ where: { id: input.id, term: { collectionId: input.collectionId } } });
  return exists > 0 ? new AppError('CONFLICT', 'glossary.proposalDecided') : new AppError('NOT_FOUND', 'glossary.proposalNotFound');
}

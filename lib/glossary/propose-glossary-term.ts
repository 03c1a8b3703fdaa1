import 'server-only';

import { assertCollection, assertProposalRoom, entrySelect, insertTerm, insertTranslations, presentEntry } from './glossary-rows';
import type { CreateGlossaryTerm } from './schemas';
import type { GlossaryEntry } from './types';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

/**
 * A volunteer proposes a new term for a collection's glossary, with the translations they
 * propose for it: all wait, PROPOSED, until an editor approves or turns them down
 * (`decideGlossaryProposal`); until then the editor and the checks do not use them. Throws
 * NOT_FOUND, UNAUTHENTICATED / FORBIDDEN, CONFLICT (the term is in the glossary already, or
 * proposed: propose a translation of it instead; or the author's waiting proposals are at their limit), INVALID_INPUT (a term of no word).
 */
export async function proposeGlossaryTerm({ actor, input, db = getDb() }: { actor: Actor; input: CreateGlossaryTerm; db?: Db }): Promise<GlossaryEntry> {
  await assertCollection(db, input.collectionId);
  assertCan(actor, 'glossary.propose', { collectionId: input.collectionId });
  const createdById = actorUserId(actor);
  return withTransaction(db, async (tx) => {
    await assertProposalRoom(tx, { collectionId: input.collectionId, authorId: createdById });
    const termId = await insertTerm(tx, { collectionId: input.collectionId, sourceLanguage: input.source, targetLanguage: input.target, text: input.text, partOfSpeech: input.partOfSpeech, note: input.note, example: input.example, state: 'PROPOSED', createdById });
    if (!termId) throw new AppError('CONFLICT', 'glossary.termExistsTranslate', { values: { text: input.text } });
    await insertTranslations(tx, { termId, translations: input.translations, state: 'PROPOSED', createdById });
    await recordAuditEvent({ db: tx, type: 'glossary.proposed', actorId: createdById, collectionId: input.collectionId, data: { kind: 'term', id: termId, termId, term: input.text, sourceLanguage: input.source, targetLanguage: input.target } });
    return presentEntry(await tx.glossaryTerm.findUniqueOrThrow({ where: { id: termId }, select: entrySelect }), ['PROPOSED']);
  });
}

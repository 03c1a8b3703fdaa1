import 'server-only';

import { assertCollection, entrySelect, insertTerm, insertTranslations, presentEntry } from './glossary-rows';
import type { CreateGlossaryTerm } from './schemas';
import type { GlossaryEntry } from './types';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

/**
 * An editor writes a term with its translations into a collection's glossary for a language pair,
 * approved at once (docs/glossary.md). Throws NOT_FOUND (no such collection), UNAUTHENTICATED /
 * FORBIDDEN (not the collection's editor or admin: volunteers propose, `proposeGlossaryTerm`),
 * CONFLICT (the pair has the term already, or it is proposed and waits for a decision),
 * INVALID_INPUT (a term of no word).
 */
export async function createGlossaryTerm({ actor, input, db = getDb() }: { actor: Actor; input: CreateGlossaryTerm; db?: Db }): Promise<GlossaryEntry> {
  await assertCollection(db, input.collectionId);
  assertCan(actor, 'glossary.manage', { collectionId: input.collectionId });
  const createdById = actorUserId(actor);
  return withTransaction(db, async (tx) => {
    const termId = await insertTerm(tx, { collectionId: input.collectionId, sourceLanguage: input.source, targetLanguage: input.target, text: input.text, partOfSpeech: input.partOfSpeech, note: input.note, example: input.example, state: 'APPROVED', createdById });
    if (!termId) throw new AppError('CONFLICT', 'glossary.termExistsChange', { values: { text: input.text } });
    await insertTranslations(tx, { termId, translations: input.translations, state: 'APPROVED', createdById });
    await recordAuditEvent({ db: tx, type: 'glossary.term_created', actorId: createdById, collectionId: input.collectionId, data: { termId, term: input.text, sourceLanguage: input.source, targetLanguage: input.target } });
    return presentEntry(await tx.glossaryTerm.findUniqueOrThrow({ where: { id: termId }, select: entrySelect }));
  });
}

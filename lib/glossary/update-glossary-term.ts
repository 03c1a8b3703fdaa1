import 'server-only';

import { assertCollection, entrySelect, insertTranslations, loadTerm, presentEntry } from './glossary-rows';
import { partOfSpeechEnum, usageOf } from './glossary-values';
import type { GlossaryTranslationInput, UpdateGlossaryTerm } from './schemas';
import type { GlossaryEntry } from './types';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { getDb, Prisma, withTransaction, type Db } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';

/**
 * An editor changes an approved term: its text, part of speech, note, example, and its
 * translations, which become the ones given (approved translations left out are deleted; one
 * waiting as a proposal and given here is approved with the status given; the others still
 * wait). Keys are the database's (`glossary_key`), as the unique indexes compare them. Throws
 * NOT_FOUND (no such approved term in the collection), UNAUTHENTICATED / FORBIDDEN, CONFLICT
 * (another term of the pair has the new text), INVALID_INPUT (a term of no word).
 */
export async function updateGlossaryTerm({ actor, input, db = getDb() }: { actor: Actor; input: UpdateGlossaryTerm; db?: Db }): Promise<GlossaryEntry> {
  await assertCollection(db, input.collectionId);
  assertCan(actor, 'glossary.manage', { collectionId: input.collectionId });
  const term = await loadTerm(db, input.collectionId, input.termId);
  if (term.state !== 'APPROVED') throw new AppError('NOT_FOUND', 'glossary.termNotApproved');
  const actorId = actorUserId(actor);
  return withTransaction(db, async (tx) => {
    // The row is locked first: two editors saving the same term at once save one after the other.
    await tx.$queryRaw`SELECT id FROM glossary_term WHERE id = ${term.id}::uuid FOR UPDATE`;
    const [clash] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM glossary_term
       WHERE collection_id = ${input.collectionId}::uuid AND source_language = ${term.sourceLanguage} AND target_language = ${term.targetLanguage}
         AND term_key = glossary_key(${input.text}) AND state <> 'REJECTED' AND id <> ${term.id}::uuid`;
    if (clash) throw clashWith(input.text);
    const [updated] = await tx.$queryRaw<{ words: number }[]>`
      UPDATE glossary_term
         SET text = ${input.text}, part_of_speech = ${input.partOfSpeech === null ? null : partOfSpeechEnum(input.partOfSpeech)}::"GlossaryPartOfSpeech",
             note = ${input.note}, example = ${input.example}, updated_at = now()
       WHERE id = ${term.id}::uuid
      RETURNING cardinality(stems) AS words`.catch((error: unknown) => {
      // Another term renamed to the same text at the same moment: the unique index tells.
      if (isUniqueViolation(error, 'glossary_term_live_key')) throw clashWith(input.text);
      throw error;
    });
    if (!updated || updated.words === 0) throw new AppError('INVALID_INPUT', 'glossary.noWord', { values: { text: input.text }, details: { fields: { text: fieldMessage('field.noWordToRecognise') } } });
    await replaceTranslations(tx, term.id, input.translations, actorId);
    await recordAuditEvent({ db: tx, type: 'glossary.term_updated', actorId, collectionId: input.collectionId, data: { termId: term.id, term: input.text, sourceLanguage: term.sourceLanguage, targetLanguage: term.targetLanguage } });
    return presentEntry(await tx.glossaryTerm.findUniqueOrThrow({ where: { id: term.id }, select: entrySelect }));
  });
}

function clashWith(text: string): AppError {
  return new AppError('CONFLICT', 'glossary.termTaken', { values: { text } });
}

async function replaceTranslations(tx: Prisma.TransactionClient, termId: string, translations: readonly GlossaryTranslationInput[], actorId: string | null): Promise<void> {
  const texts = translations.map((translation) => translation.text);
  await tx.$executeRaw`
    DELETE FROM glossary_translation
     WHERE term_id = ${termId}::uuid AND state = 'APPROVED' AND text_key <> ALL (SELECT glossary_key(x) FROM unnest(${texts}::text[]) x)`;
  for (const translation of translations) {
    const changed = await tx.$executeRaw`
      UPDATE glossary_translation
         SET text = ${translation.text}, usage = ${usageOf(translation.status)}::"GlossaryUsage", state = 'APPROVED',
             reviewed_by_id = CASE WHEN state = 'PROPOSED' THEN ${actorId}::uuid ELSE reviewed_by_id END,
             reviewed_at = CASE WHEN state = 'PROPOSED' THEN now() ELSE reviewed_at END
       WHERE term_id = ${termId}::uuid AND text_key = glossary_key(${translation.text}) AND state <> 'REJECTED'`;
    if (changed === 0) await insertTranslations(tx, { termId, translations: [translation], state: 'APPROVED', createdById: actorId });
  }
}

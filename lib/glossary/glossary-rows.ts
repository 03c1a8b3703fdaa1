import 'server-only';

import { partOfSpeechEnum, partOfSpeechOf, statusOf, usageOf, type PartOfSpeech } from './glossary-values';
import type { GlossaryTranslationInput } from './schemas';
import type { GlossaryEntry, GlossaryEntryTranslation } from './types';
import { MAX_WAITING_GLOSSARY_PROPOSALS_PER_AUTHOR } from '../config/limits';
import { Prisma, type Db } from '../db/client';
import { uuidv7 } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';

/**
 * Writing and reading the glossary's rows, shared by its use cases. Terms and translations are
 * written with `INSERT … ON CONFLICT DO NOTHING` on the partial unique indexes of live entries
 * (the key is the trigger's, so the conflict is the database's to find, also between two requests
 * at once); their stems are the triggers' too.
 */

export type GlossaryStateName = 'PROPOSED' | 'APPROVED' | 'REJECTED';

export interface TermRow {
  collectionId: string;
  sourceLanguage: string;
  targetLanguage: string;
  text: string;
  partOfSpeech: PartOfSpeech | null;
  note: string;
  example: string;
  state: GlossaryStateName;
  createdById: string | null;
}

/**
 * Inserts a term; null when the pair already has a live term of the same key (the same words,
 * case and spacing aside). Throws INVALID_INPUT when the term has no word the language's
 * configuration reads (only signs), which could never be recognised.
 */
export async function insertTerm(tx: Prisma.TransactionClient, row: TermRow): Promise<string | null> {
  const [inserted] = await tx.$queryRaw<{ id: string; words: number }[]>`
    INSERT INTO glossary_term (id, collection_id, source_language, target_language, text, part_of_speech, note, example, state, created_by_id)
    VALUES (${uuidv7()}::uuid, ${row.collectionId}::uuid, ${row.sourceLanguage}, ${row.targetLanguage}, ${row.text},
            ${row.partOfSpeech === null ? null : partOfSpeechEnum(row.partOfSpeech)}::"GlossaryPartOfSpeech", ${row.note}, ${row.example},
            ${row.state}::"GlossaryState", ${row.createdById}::uuid)
    ON CONFLICT (collection_id, source_language, target_language, term_key) WHERE state <> 'REJECTED' DO NOTHING
    RETURNING id, cardinality(stems) AS words`;
  if (!inserted) return null;
  if (inserted.words === 0) throw new AppError('INVALID_INPUT', 'glossary.noWord', { values: { text: row.text }, details: { fields: { text: fieldMessage('field.noWordToRecognise') } } });
  return inserted.id;
}

/** Inserts translations of a term, skipping those it already has live; how many were new. */
export async function insertTranslations(tx: Prisma.TransactionClient, { termId, translations, state, createdById }: { termId: string; translations: readonly GlossaryTranslationInput[]; state: GlossaryStateName; createdById: string | null }): Promise<number> {
  let inserted = 0;
  for (const translation of translations) {
    inserted += await tx.$executeRaw`
      INSERT INTO glossary_translation (id, term_id, text, usage, state, created_by_id)
      VALUES (${uuidv7()}::uuid, ${termId}::uuid, ${translation.text}, ${usageOf(translation.status)}::"GlossaryUsage", ${state}::"GlossaryState", ${createdById}::uuid)
      ON CONFLICT (term_id, text_key) WHERE state <> 'REJECTED' DO NOTHING`;
  }
  return inserted;
}

/** The term of a collection, or NOT_FOUND (a term of another collection does not exist here). */
export async function loadTerm(db: Db, collectionId: string, termId: string): Promise<{ id: string; text: string; sourceLanguage: string; targetLanguage: string; state: GlossaryStateName }> {
  const term = await db.glossaryTerm.findFirst({ where: { id: termId, collectionId }, select: { id: true, text: true, sourceLanguage: true, targetLanguage: true, state: true } });
  if (!term) throw new AppError('NOT_FOUND', 'glossary.termNotFound');
  return term;
}

/** The collection, or NOT_FOUND. */
export async function assertCollection(db: Db, collectionId: string): Promise<{ id: string; title: string; slug: string }> {
  const collection = await db.collection.findUnique({ where: { id: collectionId }, select: { id: true, title: true, slug: true } });
  if (!collection) throw new AppError('NOT_FOUND', 'collection.notFound');
  return collection;
}

/** What the page needs of a term and its translations: `entrySelect` reads it, `presentEntry` shapes it. */
export const entrySelect = {
  id: true,
  text: true,
  partOfSpeech: true,
  note: true,
  example: true,
  state: true,
  createdAt: true,
  updatedAt: true,
  rejectionReason: true,
  createdBy: { select: { name: true } },
  translations: {
    orderBy: [{ usage: 'asc' }, { id: 'asc' }],
    select: { id: true, text: true, usage: true, state: true, rejectionReason: true, createdBy: { select: { name: true } } },
  },
} as const satisfies Prisma.GlossaryTermSelect;

type EntryRow = Prisma.GlossaryTermGetPayload<{ select: typeof entrySelect }>;

/** A term as the page shows it; `translationStates` picks its translations (approved ones only for readers). */
export function presentEntry(row: EntryRow, translationStates: readonly GlossaryStateName[] = ['APPROVED']): GlossaryEntry {
  return {
    id: row.id,
    text: row.text,
    partOfSpeech: partOfSpeechOf(row.partOfSpeech),
    note: row.note,
    example: row.example,
    state: row.state,
    createdBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    rejectionReason: row.rejectionReason,
    translations: row.translations.filter((translation) => translationStates.includes(translation.state)).map(presentTranslation),
  };
}

export function presentTranslation(row: EntryRow['translations'][number]): GlossaryEntryTranslation {
  return { id: row.id, text: row.text, status: statusOf(row.usage), state: row.state, createdBy: row.createdBy?.name ?? null, rejectionReason: row.rejectionReason };
}

/**
 * Refuses (CONFLICT) a proposal from an author who has {@link MAX_WAITING_GLOSSARY_PROPOSALS_PER_AUTHOR}
 * proposals waiting in the collection already (terms, and translations of terms): editors decide
 * those first, and one account cannot bury everyone else's under its own. In the proposal's
 * transaction, after the author's earlier proposals are locked out of change (a row lock on the
 * author), so two at once count each other.
 */
export async function assertProposalRoom(tx: Prisma.TransactionClient, { collectionId, authorId }: { collectionId: string; authorId: string | null }): Promise<void> {
  if (!authorId) return;
  await tx.$queryRaw`SELECT id FROM "user" WHERE id = ${authorId}::uuid FOR NO KEY UPDATE`;
  const [row] = await tx.$queryRaw<{ waiting: number }[]>`
    SELECT (SELECT count(*) FROM glossary_term t WHERE t.collection_id = ${collectionId}::uuid AND t.created_by_id = ${authorId}::uuid AND t.state = 'PROPOSED')
         + (SELECT count(*) FROM glossary_translation g JOIN glossary_term t ON t.id = g.term_id
             WHERE t.collection_id = ${collectionId}::uuid AND g.created_by_id = ${authorId}::uuid AND g.state = 'PROPOSED' AND t.state = 'APPROVED') AS waiting`;
  const waiting = Number(row?.waiting ?? 0);
  if (waiting >= MAX_WAITING_GLOSSARY_PROPOSALS_PER_AUTHOR) {
    throw new AppError('CONFLICT', 'glossary.tooManyWaiting', { values: { waiting }, details: { waiting } });
  }
}


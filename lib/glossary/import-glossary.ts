import 'server-only';

import { readGlossaryCsv } from './exchange/glossary-csv';
import type { GlossaryFileEntry, GlossaryFileReading } from './exchange/glossary-file';
import { TbxReader } from './exchange/tbx-reader';
import { assertCollection } from './glossary-rows';
import { partOfSpeechEnum, partOfSpeechOf, usageOf } from './glossary-values';
import type { GlossaryFormat } from './schemas';
import type { GlossaryImportSummary } from './types';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { MAX_GLOSSARY_FILE_BYTES, MAX_TITLE_CHARS } from '../config/limits';
import { getDb, withTransaction, type Db, type Prisma } from '../db/client';
import { uuidv7Batch } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { fieldMessage, sizeInBytes } from '../errors/error-text';
import { primaryLanguage } from '../memory/tmx/primary-language';
import { attributeText } from '../memory/tmx/xml-text';
import { decodeXmlFile } from '../segment/decode-xml-file';

/** Entries written per batch of statements. */
const BATCH = 1000;
/** Characters of a TBX file parsed between two turns of the event loop. */
const TBX_SLICE_CHARS = 64 * 1024;
/** 50,000 terms take well under a minute. */
const IMPORT_TIMEOUT_MS = 120_000;

/** The file as uploaded: a `File`, or anything with its name, size and bytes. */
export type GlossaryUpload = Pick<File, 'name' | 'size' | 'arrayBuffer'>;

export interface ImportGlossaryOptions {
  actor: Actor;
  collectionId: string;
  file: GlossaryUpload;
  sourceLanguage: string;
  targetLanguage: string;
  /** TBX or CSV; by default from the file's name (.tbx and .xml, .csv and .txt). */
  format?: GlossaryFormat;
  db?: Db;
}

interface ExistingTerm {
  id: string;
  term_key: string;
  state: 'PROPOSED' | 'APPROVED';
  part_of_speech: 'NOUN' | 'VERB' | 'ADJECTIVE' | 'ADVERB' | 'PROPER_NOUN' | 'OTHER' | null;
  note: string;
  example: string;
}

/**
 * Imports a TBX or CSV glossary file into a collection's glossary for a language pair, as
 * approved terms (docs/glossary.md, Formats): a term new to the pair is added with its
 * translations; a term it has already (the same words, case and spacing aside; a proposal
 * waiting for a decision is approved by the import) takes the file's part of speech, note and
 * example where the file gives them, and the file's translations are added to its own, or take
 * the file's status; nothing is deleted. Importing an exported glossary again changes nothing.
 * One transaction: a file that fails to read changes nothing. Throws NOT_FOUND, FORBIDDEN,
 * PAYLOAD_TOO_LARGE, UNSUPPORTED_ENCODING, INVALID_INPUT (not TBX or CSV, hostile XML, no term of
 * the pair: the file's languages are in the details), CONFLICT (an import into the same glossary
 * under way).
 */
export async function importGlossary({ actor, collectionId, file, sourceLanguage, targetLanguage, format, db = getDb() }: ImportGlossaryOptions): Promise<GlossaryImportSummary> {
  await assertCollection(db, collectionId);
  assertCan(actor, 'glossary.manage', { collectionId });
  if (file.size > MAX_GLOSSARY_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'glossary.fileTooLarge', { values: { size: sizeInBytes(file.size), limit: sizeInBytes(MAX_GLOSSARY_FILE_BYTES) }, details: { limit: MAX_GLOSSARY_FILE_BYTES } });
  if (sourceLanguage === targetLanguage) throw new AppError('INVALID_INPUT', 'exchange.sameLanguages');
  const name = attributeText(file.name).slice(0, MAX_TITLE_CHARS) || 'glossary';
  const fileFormat = format ?? formatOf(name);
  const text = decodeXmlFile(new Uint8Array(await file.arrayBuffer()));
  const reading = fileFormat === 'tbx' ? await readTbx(text, sourceLanguage, targetLanguage) : await readGlossaryCsv(text);
  if (reading.entries.length === 0) throw nothingToImport(reading, fileFormat, sourceLanguage, targetLanguage);
  const actorId = actorUserId(actor);

  return withTransaction(
    db,
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${`glossary-import:${collectionId}:${sourceLanguage}:${targetLanguage}`}, 0)) AS locked`;
      if (!lock?.locked) throw new AppError('CONFLICT', 'glossary.importRunning');
      const entries = await mergeByKey(tx, reading.entries);
      const counts = { created: 0, updated: 0, unchanged: 0, noWord: 0 };
      for (let offset = 0; offset < entries.length; offset += BATCH) {
        const batch = await writeBatch(tx, { entries: entries.slice(offset, offset + BATCH), collectionId, sourceLanguage, targetLanguage, actorId });
        counts.created += batch.created;
        counts.updated += batch.updated;
        counts.unchanged += batch.unchanged;
        counts.noWord += batch.noWord;
      }
      const skipped = { ...reading.skipped, noWord: reading.skipped.noWord + counts.noWord };
      const summary: GlossaryImportSummary = { file: name, format: fileFormat, sourceLanguage, targetLanguage, created: counts.created, updated: counts.updated, unchanged: counts.unchanged, skipped };
      await recordAuditEvent({ db: tx, type: 'glossary.imported', actorId, collectionId, data: { file: name, format: fileFormat, sourceLanguage, targetLanguage, created: counts.created, updated: counts.updated, unchanged: counts.unchanged, skipped: { ...skipped } } });
      return summary;
    },
    { timeoutMs: IMPORT_TIMEOUT_MS },
  );
}

function formatOf(name: string): GlossaryFormat {
  if (/\.(tbx|xml)$/iu.test(name)) return 'tbx';
  if (/\.(csv|txt)$/iu.test(name)) return 'csv';
  throw new AppError('INVALID_INPUT', 'glossary.fileType', { details: { fields: { file: fieldMessage('field.tbxOrCsv') } } });
}

/** Parses a TBX file a slice at a time, letting other requests be served in between. */
async function readTbx(text: string, source: string, target: string): Promise<GlossaryFileReading> {
  const reader = new TbxReader({ source, target });
  for (let offset = 0; offset < text.length; offset += TBX_SLICE_CHARS) {
    reader.write(text.slice(offset, offset + TBX_SLICE_CHARS));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return reader.end();
}

function nothingToImport(reading: GlossaryFileReading, format: GlossaryFormat, source: string, target: string): AppError {
  const languages = [...reading.languages].map(([language, terms]) => ({ language, terms })).sort((a, b) => b.terms - a.terms);
  const details = { languages, skipped: reading.skipped };
  return format === 'tbx' && languages.length > 0 && !languages.some((entry) => entry.language === primaryLanguage(source) && entry.terms > 0)
    ? new AppError('INVALID_INPUT', 'glossary.noTermInSource', { values: { source, languages: languages.map((entry) => entry.language).join(', ') }, details })
    : new AppError('INVALID_INPUT', 'glossary.nothingToImport', { values: { source, target }, details });
}

/** The file's entries under the database's keys (`glossary_key`), those of one key merged: the first details given, every translation once. */
async function mergeByKey(tx: Prisma.TransactionClient, entries: GlossaryFileEntry[]): Promise<(GlossaryFileEntry & { key: string })[]> {
  const merged = new Map<string, GlossaryFileEntry & { key: string }>();
  for (let offset = 0; offset < entries.length; offset += BATCH * 10) {
    const slice = entries.slice(offset, offset + BATCH * 10);
    const keys = await tx.$queryRaw<{ key: string }[]>`SELECT glossary_key(u.t) AS key FROM unnest(${slice.map((entry) => entry.term)}::text[]) WITH ORDINALITY AS u(t, n) ORDER BY u.n`;
    slice.forEach((entry, index) => {
      const key = keys[index]?.key ?? entry.term.toLowerCase();
      const known = merged.get(key);
      if (!known) return void merged.set(key, { ...entry, translations: [...entry.translations], key });
      known.partOfSpeech ??= entry.partOfSpeech;
      if (known.note === '') known.note = entry.note;
      if (known.example === '') known.example = entry.example;
      for (const translation of entry.translations) if (!known.translations.some((other) => other.text.toLowerCase() === translation.text.toLowerCase())) known.translations.push(translation);
    });
  }
  return [...merged.values()];
}

async function writeBatch(
  tx: Prisma.TransactionClient,
  { entries, collectionId, sourceLanguage, targetLanguage, actorId }: { entries: (GlossaryFileEntry & { key: string })[]; collectionId: string; sourceLanguage: string; targetLanguage: string; actorId: string | null },
): Promise<{ created: number; updated: number; unchanged: number; noWord: number }> {
  const existing = await tx.$queryRaw<ExistingTerm[]>`
    SELECT id, term_key, state::text AS state, part_of_speech::text AS part_of_speech, note, example FROM glossary_term
     WHERE collection_id = ${collectionId}::uuid AND source_language = ${sourceLanguage} AND target_language = ${targetLanguage}
       AND state <> 'REJECTED' AND term_key = ANY(${entries.map((entry) => entry.key)}::text[])`;
  const byKey = new Map(existing.map((row) => [row.term_key, row]));
  const entryOf = new Map(entries.map((entry) => [entry.key, entry]));
  const fresh = entries.filter((entry) => !byKey.has(entry.key));

  // New terms; those of no word are taken out again (they could never be found in a text).
  const ids = uuidv7Batch(fresh.length);
  const inserted = fresh.length === 0 ? [] : await tx.$queryRaw<{ id: string; words: number }[]>`
    INSERT INTO glossary_term (id, collection_id, source_language, target_language, text, part_of_speech, note, example, state, created_by_id)
    SELECT u.id, ${collectionId}::uuid, ${sourceLanguage}, ${targetLanguage}, u.text, u.part_of_speech::"GlossaryPartOfSpeech", u.note, u.example, 'APPROVED', ${actorId}::uuid
      FROM unnest(${ids}::uuid[], ${fresh.map((entry) => entry.term)}::text[], ${fresh.map((entry) => (entry.partOfSpeech ? partOfSpeechEnum(entry.partOfSpeech) : null))}::text[],
                  ${fresh.map((entry) => entry.note)}::text[], ${fresh.map((entry) => entry.example)}::text[]) AS u(id, text, part_of_speech, note, example)
    ON CONFLICT (collection_id, source_language, target_language, term_key) WHERE state <> 'REJECTED' DO NOTHING
    RETURNING id, cardinality(stems) AS words`;
  const wordless = inserted.filter((row) => row.words === 0).map((row) => row.id);
  if (wordless.length > 0) await tx.$executeRaw`DELETE FROM glossary_term WHERE id = ANY(${wordless}::uuid[])`;
  const created = new Set(inserted.filter((row) => row.words > 0).map((row) => row.id));

  // Terms there already take the file's details where it gives them (a waiting proposal is approved).
  const changed = existing.filter((row) => {
    const entry = entryOf.get(row.term_key);
    if (!entry) return false;
    const part = entry.partOfSpeech ?? partOfSpeechOf(row.part_of_speech);
    return row.state !== 'APPROVED' || part !== partOfSpeechOf(row.part_of_speech) || (entry.note !== '' && entry.note !== row.note) || (entry.example !== '' && entry.example !== row.example);
  });
  if (changed.length > 0) {
    const details = changed.flatMap((row) => {
      const entry = entryOf.get(row.term_key);
      return entry ? [{ row, entry }] : [];
    });
    await tx.$executeRaw`
      UPDATE glossary_term t
         SET part_of_speech = coalesce(u.part_of_speech::"GlossaryPartOfSpeech", t.part_of_speech), note = coalesce(nullif(u.note, ''), t.note), example = coalesce(nullif(u.example, ''), t.example),
             reviewed_by_id = CASE WHEN t.state = 'PROPOSED' THEN ${actorId}::uuid ELSE t.reviewed_by_id END,
             reviewed_at = CASE WHEN t.state = 'PROPOSED' THEN now() ELSE t.reviewed_at END,
             state = 'APPROVED', updated_at = now()
        FROM unnest(${details.map(({ row }) => row.id)}::uuid[], ${details.map(({ entry }) => (entry.partOfSpeech ? partOfSpeechEnum(entry.partOfSpeech) : null))}::text[],
                    ${details.map(({ entry }) => entry.note)}::text[], ${details.map(({ entry }) => entry.example)}::text[]) AS u(id, part_of_speech, note, example)
       WHERE t.id = u.id`;
  }

  // Every entry's translations: added, or given the file's status (a waiting one approved).
  const termIdOf = new Map<string, string>();
  fresh.forEach((entry, index) => {
    const id = ids[index];
    if (id && created.has(id)) termIdOf.set(entry.key, id);
  });
  for (const row of existing) termIdOf.set(row.term_key, row.id);
  const translations = entries.flatMap((entry) => {
    const termId = termIdOf.get(entry.key);
    return termId ? entry.translations.map((translation) => ({ termId, text: translation.text, usage: usageOf(translation.status) })) : [];
  });
  const touched = translations.length === 0 ? [] : await tx.$queryRaw<{ term_id: string }[]>`
    INSERT INTO glossary_translation (id, term_id, text, usage, state, created_by_id)
    SELECT u.id, u.term_id, u.text, u.usage::"GlossaryUsage", 'APPROVED', ${actorId}::uuid
      FROM unnest(${uuidv7Batch(translations.length)}::uuid[], ${translations.map((entry) => entry.termId)}::uuid[], ${translations.map((entry) => entry.text)}::text[],
                  ${translations.map((entry) => entry.usage)}::text[]) AS u(id, term_id, text, usage)
    ON CONFLICT (term_id, text_key) WHERE state <> 'REJECTED'
    DO UPDATE SET usage = EXCLUDED.usage, state = 'APPROVED',
                  reviewed_by_id = CASE WHEN glossary_translation.state = 'PROPOSED' THEN EXCLUDED.created_by_id ELSE glossary_translation.reviewed_by_id END,
                  reviewed_at = CASE WHEN glossary_translation.state = 'PROPOSED' THEN now() ELSE glossary_translation.reviewed_at END
     WHERE glossary_translation.usage <> EXCLUDED.usage OR glossary_translation.state <> 'APPROVED'
    RETURNING term_id`;
  const updated = new Set(changed.map((row) => row.id));
  for (const row of touched) if (!created.has(row.term_id)) updated.add(row.term_id);
  return { created: created.size, updated: updated.size, unchanged: existing.length - updated.size, noWord: wordless.length };
}

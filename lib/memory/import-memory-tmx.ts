import 'server-only';

import { createHash } from 'node:crypto';

import { TMX_CHUNK_BYTES, TmxReader, type TmxUnit, type TmxVariant } from './tmx/tmx-reader';
import { attributeText } from './tmx/xml-text';
import type { MemoryImportSkips, MemoryImportSummary } from './types';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { MAX_TITLE_CHARS, MAX_TMX_BYTES } from '../config/limits';
import { getDb, withTransaction, type Db, type Prisma } from '../db/client';
import { uuidv7Batch } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { sizeInBytes } from '../errors/error-text';

/** Units written per statement (INSERT … SELECT unnest(…)). */
const INSERT_BATCH = 2000;
/**
 * Connections computing a batch's keys at once, each a share of it: on a loaded 2-core machine
 * 100,000 units imported in 31 s with two and 35 s with one, the keys alone taking 21–30 s
 * (docs/benchmarks.md). More would take connections other requests need.
 */
const KEY_CONNECTIONS = 2;
/** A 64 MB file holds some 150,000 units; at about 0.3 ms a unit (the MinHash keys) that is under a minute. */
const IMPORT_TIMEOUT_MS = 300_000;

/** The file as uploaded: a `File`, or anything with its name, size and a byte stream. */
export type MemoryFile = Pick<File, 'name' | 'size' | 'stream'>;

export interface ImportMemoryTmxOptions {
  actor: Actor;
  collectionId: string;
  file: MemoryFile;
  /** The file's languages (primary subtags) read as source and target. */
  sourceLanguage: string;
  targetLanguage: string;
  db?: Db;
  /** The date of units whose file gives none. */
  now?: Date;
}

interface UnitRow {
  source: string;
  target: string;
  translator: string;
  translatedAt: string;
}

/**
 * Imports the units of a TMX file for one language pair into a collection's memory, as IMPORTED
 * units with the file's name, the credited translator (`creationid`, else `changeid`, of the
 * target variant, else of the unit) and date (`changedate`, else `creationdate`, else now).
 * Variants are matched by primary subtag ("en-US" is "en"). Units without both languages, with an
 * empty or overlong side, or repeating a pair read before are skipped and counted.
 *
 * Importing a file of the same name into the same collection again replaces the units of the
 * earlier import, in the same transaction: nothing is duplicated, and a file that fails to read
 * (not TMX, not well-formed, a DTD) leaves the memory as it was. The file streams through the
 * reader and units are written in batches as they come, their keys computed by the database's
 * `memory_exact_key` and `memory_bands` (on a second connection, a batch ahead of the writes). Throws NOT_FOUND (no such collection), FORBIDDEN,
 * PAYLOAD_TOO_LARGE, INVALID_INPUT and UNSUPPORTED_ENCODING (the file; also when it has no unit
 * of the pair, with its languages in the details), CONFLICT (the same file being imported into
 * the collection at this moment).
 */
export async function importMemoryTmx({ actor, collectionId, file, sourceLanguage, targetLanguage, db = getDb(), now = new Date() }: ImportMemoryTmxOptions): Promise<MemoryImportSummary> {
  const collection = await db.collection.findUnique({ where: { id: collectionId }, select: { id: true } });
  if (!collection) throw new AppError('NOT_FOUND', 'collection.notFound');
  assertCan(actor, 'memory.import', { collectionId });
  if (file.size > MAX_TMX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'memory.fileTooLarge', { values: { size: sizeInBytes(file.size), limit: sizeInBytes(MAX_TMX_BYTES) }, details: { limit: MAX_TMX_BYTES } });
  if (sourceLanguage === targetLanguage) throw new AppError('INVALID_INPUT', 'exchange.sameLanguages');
  const name = attributeText(file.name).slice(0, MAX_TITLE_CHARS) || 'memory.tmx';

  return withTransaction(
    db,
    async (tx) => {
      // Two imports of the same file into the same collection at once would both replace the
      // earlier units and then both insert theirs: the second is refused instead.
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${`memory-import:${collectionId}:${name}`}, 0)) AS locked`;
      if (!lock?.locked) throw new AppError('CONFLICT', 'memory.importRunning', { values: { name } });
      const replaced = await tx.$executeRaw`DELETE FROM memory_unit WHERE collection_id = ${collectionId}::uuid AND imported_file = ${name} AND origin = 'IMPORTED'`;

      const skipped: MemoryImportSkips = { missingLanguage: 0, empty: 0, tooLong: 0, duplicate: 0 };
      const seen = new Set<string>();
      let imported = 0;
      let batch: UnitRow[] = [];
      const reader = new TmxReader({
        onUnit: (unit) => {
          const row = unitRow(unit, sourceLanguage, targetLanguage, now);
          if (typeof row === 'string') {
            skipped[row] += 1;
            return;
          }
          // A digest, not the texts: 100,000 pairs cost a few megabytes.
          const key = createHash('sha1').update(row.source).update('\u0000').update(row.target).digest('base64');
          if (seen.has(key)) {
            skipped.duplicate += 1;
            return;
          }
          seen.add(key);
          batch.push(row);
        },
      });

      // A pipeline: while one batch is written in the transaction, the next one's keys are
      // computed on other connections of the pool (they depend on nothing stored) and the file
      // goes on being read. The keys are most of the cost (MinHash, 0.1–0.2 ms a unit), and so
      // run on other cores. Joined to a caller's transaction, they are computed in it instead.
      // A failure surfaces at the next await.
      const keysDb = '$transaction' in db ? db : tx;
      let writing: Promise<void> = Promise.resolve();
      let lastBatchAt = 0;
      const flush = async () => {
        const rows = batch;
        batch = [];
        imported += rows.length;
        const sources = rows.map((row) => row.source);
        const keys = keysDb === tx ? keysOf(tx, sources, sourceLanguage, targetLanguage) : keysInParallel(keysDb, sources, sourceLanguage, targetLanguage);
        keys.catch(() => undefined);
        await writing;
        lastBatchAt = Math.max(Date.now(), lastBatchAt + 1);
        const ids = uuidv7Batch(rows.length, lastBatchAt);
        writing = keys.then((computed) => insertUnits(tx, { rows, keys: computed, ids, collectionId, name, sourceLanguage, targetLanguage }));
        writing.catch(() => undefined);
      };
      const stream = file.stream().getReader();
      try {
        for (;;) {
          const { done, value } = await stream.read();
          if (done) break;
          for (let offset = 0; offset < value.byteLength; offset += TMX_CHUNK_BYTES) {
            reader.write(value.subarray(offset, offset + TMX_CHUNK_BYTES));
            if (batch.length >= INSERT_BATCH) await flush();
            // The reader is linear and each slice takes milliseconds; other requests are served
            // between slices even when no batch fills (a file of another language pair).
            await new Promise<void>((resolve) => setImmediate(resolve));
          }
        }
        reader.end();
        if (batch.length > 0) await flush();
      } catch (error) {
        // The file failed to read: let the batch being written end before the transaction rolls back.
        await writing.catch(() => undefined);
        await stream.cancel().catch(() => undefined);
        throw error;
      }
      await writing;

      const languages = [...reader.languages].map(([language, units]) => ({ language, units })).sort((a, b) => b.units - a.units || a.language.localeCompare(b.language));
      if (imported === 0) {
        const has = (language: string) => reader.languages.has(language);
        if (!has(sourceLanguage) || !has(targetLanguage)) {
          const [missing = '', second = 'none'] = [sourceLanguage, targetLanguage].filter((language) => !has(language));
          const listed = languages.map((entry) => entry.language).join(', ') || 'none';
          throw new AppError('INVALID_INPUT', 'memory.noUnitInLanguage', { values: { missing, second, languages: listed }, details: { languages, skipped } });
        }
        throw new AppError('INVALID_INPUT', 'memory.noUnitInBoth', { values: { source: sourceLanguage, target: targetLanguage }, details: { languages, skipped } });
      }
      const summary: MemoryImportSummary = { file: name, sourceLanguage, targetLanguage, imported, replaced, skipped, languages };
      await recordAuditEvent({
        db: tx,
        type: 'memory.imported',
        actorId: actorUserId(actor),
        collectionId,
        data: { file: name, sourceLanguage, targetLanguage, imported, replaced, skipped: { ...skipped } },
      });
      return summary;
    },
    { timeoutMs: IMPORT_TIMEOUT_MS },
  );
}

/** The row a unit becomes for the pair, or why it is skipped. */
function unitRow(unit: TmxUnit, sourceLanguage: string, targetLanguage: string, now: Date): UnitRow | keyof MemoryImportSkips {
  const source = variantIn(unit, sourceLanguage);
  const target = variantIn(unit, targetLanguage);
  if (!source || !target) return 'missingLanguage';
  if (source.isTooLong || target.isTooLong) return 'tooLong';
  if (!source.text || !target.text) return 'empty';
  const translator = target.creationId ?? target.changeId ?? unit.creationId ?? unit.changeId ?? '';
  const date = target.changeDate ?? target.creationDate ?? unit.changeDate ?? unit.creationDate ?? now;
  return { source: source.text, target: target.text, translator, translatedAt: date.toISOString() };
}

/** The unit's variant in `language`: the first with text when there are several (en-GB and en-US). */
function variantIn(unit: TmxUnit, language: string): TmxVariant | undefined {
  const variants = unit.variants.filter((variant) => variant.language === language);
  return variants.find((variant) => variant.text !== '' && !variant.isTooLong) ?? variants[0];
}

interface UnitKeys {
  exact_key: string;
  bands: string;
}

/**
 * The keys of a batch of sources, in order, by the same SQL functions as the library's units
 * (`memory_exact_key`, `memory_bands`): as text, to be handed back to {@link insertUnits}.
 */
async function keysOf(db: Db, sources: string[], sourceLanguage: string, targetLanguage: string): Promise<UnitKeys[]> {
  return db.$queryRaw<UnitKeys[]>`
    SELECT memory_exact_key(u.source)::text AS exact_key,
           memory_bands(interlinear_search_config(${sourceLanguage}), ${`${sourceLanguage}>${targetLanguage}`}, u.source)::text AS bands
      FROM unnest(${sources}::text[]) WITH ORDINALITY AS u(source, n)
     ORDER BY u.n`;
}

/** {@link keysOf} on {@link KEY_CONNECTIONS} connections of the pool at once, each a share of the batch, in order. */
async function keysInParallel(db: Db, sources: string[], sourceLanguage: string, targetLanguage: string): Promise<UnitKeys[]> {
  const share = Math.ceil(sources.length / KEY_CONNECTIONS);
  const parts = await Promise.all(
    Array.from({ length: KEY_CONNECTIONS }, (_, i) => sources.slice(i * share, (i + 1) * share))
      .filter((part) => part.length > 0)
      .map((part) => keysOf(db, part, sourceLanguage, targetLanguage)),
  );
  return parts.flat();
}

/** Writes one batch of imported units with their keys. */
async function insertUnits(
  tx: Prisma.TransactionClient,
  { rows, keys, ids, collectionId, name, sourceLanguage, targetLanguage }: { rows: UnitRow[]; keys: UnitKeys[]; ids: string[]; collectionId: string; name: string; sourceLanguage: string; targetLanguage: string },
): Promise<void> {
  if (keys.length !== rows.length) throw new Error(`Keys of ${keys.length} units for ${rows.length}.`);
  await tx.$executeRaw`
    INSERT INTO memory_unit (id, origin, source_language, target_language, source_text, target_text, exact_key, bands, collection_id, imported_file, translator, translated_at)
    SELECT u.id, 'IMPORTED', ${sourceLanguage}, ${targetLanguage}, u.source, u.target, u.exact_key, u.bands::int[],
           ${collectionId}::uuid, ${name}, u.translator, u.translated_at
      FROM unnest(${ids}::uuid[], ${rows.map((row) => row.source)}::text[], ${rows.map((row) => row.target)}::text[],
                  ${rows.map((row) => row.translator)}::text[], ${rows.map((row) => row.translatedAt)}::timestamptz[],
                  ${keys.map((key) => key.exact_key)}::bigint[], ${keys.map((key) => key.bands)}::text[])
           AS u(id, source, target, translator, translated_at, exact_key, bands)`;
}

import 'server-only';

import type { MemoryExportQuery } from './schemas';
import { TmxWriter, type TmxOutputUnit } from './tmx/tmx-writer';
import { assertCan, type Actor } from '../auth/permissions';
import { liveSegmentSql } from '../auth/scope';
import { getDb, Prisma, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

/** Units read per query: memory stays flat whatever the collection's size. */
const EXPORT_BATCH = 1000;

interface LibraryRow {
  segment_id: string;
  order_key: string;
  source_text: string;
  target_text: string;
  translator: string;
  created_at: Date;
  changed_at: Date;
}

interface ImportedRow {
  id: string;
  source_text: string;
  target_text: string;
  translator: string;
  translated_at: Date;
}

export interface MemoryExport {
  /** The download's file name: the collection's slug and the language pair. */
  fileName: string;
  /** The TMX document in pieces (the header, then one `<tu>` each), read from the database as they are pulled. */
  chunks: AsyncGenerator<string>;
}

/**
 * A collection's translation memory for one language pair as a TMX 1.4b document: every library
 * unit of its works (published translations of live segments, work by work in reading order, the
 * segment's id as `tuid`, the work and segment as `x-interlinear-*` props, the translator and the
 * dates of the first and the published revision of the translation) and then every unit imported
 * into it (file by file, in the order imported). Checks run before the first piece, so NOT_FOUND
 * (no such collection) and FORBIDDEN are thrown by this call, not by the stream; the stream reads
 * {@link EXPORT_BATCH} units per query (keyset), so a collection of any size streams.
 */
export async function exportMemoryTmx({ actor, input, db = getDb(), now = new Date() }: { actor: Actor; input: MemoryExportQuery; db?: Db; now?: Date }): Promise<MemoryExport> {
  const collection = await db.collection.findUnique({ where: { id: input.collectionId }, select: { id: true, slug: true } });
  if (!collection) throw new AppError('NOT_FOUND', 'collection.notFound');
  assertCan(actor, 'memory.export', { collectionId: collection.id });
  return {
    fileName: `${collection.slug}-${input.source}-${input.target}.tmx`,
    chunks: writeTmx({ db, collectionId: collection.id, source: input.source, target: input.target, now }),
  };
}

async function* writeTmx({ db, collectionId, source, target, now }: { db: Db; collectionId: string; source: string; target: string; now: Date }): AsyncGenerator<string> {
  const writer = new TmxWriter();
  yield writer.start({ sourceLanguage: source, createdAt: now });
  const pair = { sourceLanguage: source, targetLanguage: target };

  const works = await db.work.findMany({ where: { collectionId, sourceLanguage: source }, orderBy: [{ title: 'asc' }, { id: 'asc' }], select: { id: true, title: true } });
  for (const work of works) {
    let after: string | null = null;
    for (;;) {
      const rows: LibraryRow[] = await db.$queryRaw<LibraryRow[]>`
        SELECT m.segment_id, s.order_key, m.source_text, m.target_text, r.created_at AS changed_at,
               coalesce(nullif(u.name, ''), nullif(wl.translator, ''), '') AS translator,
               (SELECT min(x.created_at) FROM revision x WHERE x.segment_text_id = r.segment_text_id) AS created_at
          FROM memory_unit m
          JOIN segment s ON s.id = m.segment_id AND ${liveSegmentSql('s')}
          JOIN revision r ON r.id = m.revision_id
          LEFT JOIN "user" u ON u.id = r.author_id
          LEFT JOIN work_language wl ON wl.work_id = m.work_id AND wl.language = m.target_language
         WHERE m.work_id = ${work.id}::uuid AND m.origin = 'LIBRARY' AND m.source_language = ${source} AND m.target_language = ${target}
           ${after === null ? Prisma.empty : Prisma.sql`AND s.order_key > ${after}`}
         ORDER BY s.order_key
         LIMIT ${EXPORT_BATCH}`;
      for (const row of rows) {
        yield writer.unit({
            ...pair,
            tuid: row.segment_id,
            sourceText: row.source_text,
            targetText: row.target_text,
            creationDate: row.created_at,
            changeDate: row.changed_at,
            creationId: row.translator,
            props: [
              ['x-interlinear-origin', 'library'],
              ['x-interlinear-work', work.id],
              ['x-interlinear-work-title', work.title],
              ['x-interlinear-segment', row.segment_id],
            ],
          } satisfies TmxOutputUnit);
      }
      if (rows.length < EXPORT_BATCH) break;
      after = rows.at(-1)?.order_key ?? null;
    }
  }

  // File by file, each by id (the order imported): an equality and a range on the index of
  // collection, file and id, which the planner takes even before statistics have caught up with
  // a large import (a row comparison over file and id was planned as a scan and a sort).
  const files = await db.memoryUnit.groupBy({ by: ['importedFile'], where: { collectionId, origin: 'IMPORTED', sourceLanguage: source, targetLanguage: target }, orderBy: { importedFile: 'asc' } });
  for (const { importedFile: file } of files) {
    if (file === null) continue;
    let after: string | null = null;
    for (;;) {
      const rows: ImportedRow[] = await db.$queryRaw<ImportedRow[]>`
        SELECT m.id, m.source_text, m.target_text, m.translator, m.translated_at
          FROM memory_unit m
         WHERE m.collection_id = ${collectionId}::uuid AND m.imported_file = ${file} AND m.origin = 'IMPORTED'
           AND m.source_language = ${source} AND m.target_language = ${target}
           ${after === null ? Prisma.empty : Prisma.sql`AND m.id > ${after}::uuid`}
         ORDER BY m.id
         LIMIT ${EXPORT_BATCH}`;
      for (const row of rows) {
        yield writer.unit({
          ...pair,
          tuid: row.id,
          sourceText: row.source_text,
          targetText: row.target_text,
          creationDate: row.translated_at,
          changeDate: row.translated_at,
          creationId: row.translator,
          props: [
            ['x-interlinear-origin', 'imported'],
            ['x-interlinear-file', file],
          ],
        });
      }
      if (rows.length < EXPORT_BATCH) break;
      after = rows.at(-1)?.id ?? null;
    }
  }
  yield writer.end();
}

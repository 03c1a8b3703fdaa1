import 'server-only';

import { countByKind, type SegmentRow } from './build-segment-rows';
import type { WorkMetadata } from './schemas';
import { MAX_SEGMENT_CHARS, MAX_SEGMENTS_PER_IMPORT } from '../config/limits';
import type { Db, Prisma } from '../db/client';
import { AppError } from '../errors/app-error';
import { slugify } from '../library/slugify';
import { insertSegmentRows } from '../segment/insert-segment-rows';

/** Refuses rows no import may store: no text at all, too many segments, a segment too long. */
export function assertRowsImportable(rows: readonly SegmentRow[]): void {
  if (!rows.some((row) => row.text !== null)) throw new AppError('INVALID_INPUT', 'The file contains no text to import.');
  if (rows.length > MAX_SEGMENTS_PER_IMPORT) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The text has ${rows.length} segments; the limit is ${MAX_SEGMENTS_PER_IMPORT}.`);
  }
  const tooLong = rows.find((row) => row.text !== null && row.text.length > MAX_SEGMENT_CHARS);
  if (tooLong) {
    throw new AppError('INVALID_INPUT', `A paragraph of ${tooLong.text?.length} characters has no sentence break; the limit for one segment is ${MAX_SEGMENT_CHARS}.`);
  }
}

/** A stored work: its id, slug, counts by kind and page anchors. */
export interface StoredWork {
  workId: string;
  slug: string;
  counts: ReturnType<typeof countByKind>;
  pageAnchors: { label: string; segmentId: string }[];
}

/**
 * Creates a work with its metadata, its source language and its segments (published texts,
 * IMPORT revisions, page anchors), inside the caller's transaction. The slug is made unique in
 * the collection.
 */
export async function storeWork({ tx, collectionId, meta, rows, authorId }: { tx: Prisma.TransactionClient; collectionId: string; meta: WorkMetadata; rows: readonly SegmentRow[]; authorId: string | null }): Promise<StoredWork> {
  const slug = await uniqueWorkSlug(tx, collectionId, slugify(meta.title));
  const work = await tx.work.create({
    data: {
      collectionId,
      slug,
      title: meta.title,
      author: meta.author,
      dateText: meta.dateText,
      sourceLanguage: meta.language,
      sourceEdition: meta.sourceEdition,
      provenance: meta.provenance,
      licence: meta.licence,
      createdById: authorId,
      languages: { create: { language: meta.language, isSource: true } },
    },
    select: { id: true },
  });
  const inserted = await insertSegmentRows({ tx, workId: work.id, language: meta.language, rows, authorId });
  return {
    workId: work.id,
    slug,
    counts: countByKind(rows),
    pageAnchors: inserted.anchors.map((anchor) => ({ label: anchor.label, segmentId: anchor.segmentId })),
  };
}

async function uniqueWorkSlug(tx: Db, collectionId: string, base: string): Promise<string> {
  const taken = new Set(
    (await tx.work.findMany({ where: { collectionId, slug: { startsWith: base } }, select: { slug: true } })).map((work) => work.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

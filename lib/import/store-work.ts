import 'server-only';

import { sourceUrlSchema, type WorkMetadata } from './schemas';
import { MAX_SEGMENT_CHARS, MAX_SEGMENTS_PER_IMPORT } from '../config/limits';
import type { Db, Prisma, WorkPart } from '../db/client';
import { uuidv7Batch } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { slugify } from '../library/slugify';
import { countByKind, type SegmentRow } from '../segment/build-segment-rows';
import { insertSegmentRows } from '../segment/insert-segment-rows';

/** Refuses rows no import may store: no text at all, too many segments, a segment too long. */
export function assertRowsImportable(rows: readonly SegmentRow[]): void {
  if (!rows.some((row) => row.text !== null)) throw new AppError('INVALID_INPUT', 'import.noText');
  if (rows.length > MAX_SEGMENTS_PER_IMPORT) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'import.tooManySegments', { values: { count: rows.length, max: MAX_SEGMENTS_PER_IMPORT } });
  }
  const tooLong = rows.find((row) => row.text !== null && row.text.length > MAX_SEGMENT_CHARS);
  if (tooLong) {
    throw new AppError('INVALID_INPUT', 'import.paragraphTooLong', { values: { length: tooLong.text?.length ?? 0, max: MAX_SEGMENT_CHARS } });
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
 * The footnotes of a stored work, for {@link linkFootnotes}: its notes by key (a note's key, or
 * its label when it has none) and its references, each with the key of its note.
 */
export interface StoredFootnotes {
  notes: Map<string, string>;
  refs: { segmentId: string; label: string; offset: number; key?: string }[];
}

/**
 * Creates a work with its metadata, its source language and its segments (published texts,
 * IMPORT revisions, page anchors), inside the caller's transaction. The slug is made unique in
 * the collection.
 */
export async function storeWork({
  tx,
  collectionId,
  meta,
  rows,
  authorId,
  volume,
}: {
  tx: Prisma.TransactionClient;
  collectionId: string;
  /** With, for a piece of an anthology, its source link (stored only when `sourceUrlSchema` holds: an http(s) address) and tags. */
  meta: WorkMetadata & { sourceUrl?: string; tags?: readonly string[] };
  rows: readonly SegmentRow[];
  authorId: string | null;
  /** The volume the work is part of, its place in it (printed order from 0) and what part it is. */
  volume?: { id: string; position: number; part: WorkPart };
}): Promise<StoredWork & { footnotes: StoredFootnotes }> {
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
      // The one writer of work.source_url: the work page links to it, so only http(s) is stored.
      sourceUrl: sourceUrlSchema.safeParse(meta.sourceUrl ?? '').data ?? '',
      tags: [...(meta.tags ?? [])],
      licence: meta.licence,
      createdById: authorId,
      ...(volume ? { volumeId: volume.id, volumePosition: volume.position, part: volume.part } : {}),
      languages: { create: { language: meta.language, isSource: true } },
    },
    select: { id: true },
  });
  const inserted = await insertSegmentRows({ tx, workId: work.id, language: meta.language, rows, authorId });
  const notes = new Map<string, string>();
  const refs: StoredFootnotes['refs'] = [];
  rows.forEach((row, index) => {
    const segmentId = inserted.segmentIds[index] as string;
    const noteKey = row.noteKey ?? row.label;
    if (row.kind === 'FOOTNOTE' && noteKey && !notes.has(noteKey)) notes.set(noteKey, segmentId);
    for (const ref of row.footnoteRefs ?? []) refs.push({ segmentId, label: ref.label, offset: ref.offset, key: ref.key });
  });
  return {
    workId: work.id,
    slug,
    counts: countByKind(rows),
    pageAnchors: inserted.anchors.map((anchor) => ({ label: anchor.label, segmentId: anchor.segmentId })),
    footnotes: { notes, refs },
  };
}

/**
 * Stores the links from footnote references to their notes. A reference finds its note (by the
 * note's key, else by label) in its own work first, then in the other works stored with it (a volume keeps its notes at the end);
 * references whose note is nowhere stay plain text. Returns how many were linked.
 */
export async function linkFootnotes({ tx, works }: { tx: Prisma.TransactionClient; works: readonly StoredFootnotes[] }): Promise<number> {
  const links: { segmentId: string; footnoteId: string; label: string; offset: number }[] = [];
  for (const work of works) {
    for (const ref of work.refs) {
      const key = ref.key ?? ref.label;
      const footnoteId = work.notes.get(key) ?? works.map((other) => other.notes.get(key)).find(Boolean);
      if (footnoteId) links.push({ segmentId: ref.segmentId, label: ref.label, offset: ref.offset, footnoteId });
    }
  }
  if (links.length === 0) return 0;
  await tx.$executeRawUnsafe(
    `INSERT INTO footnote_ref (id, segment_id, footnote_id, label, char_offset)
     SELECT id, segment_id, footnote_id, label, char_offset FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int4[]) AS t(id, segment_id, footnote_id, label, char_offset)`,
    uuidv7Batch(links.length),
    links.map((link) => link.segmentId),
    links.map((link) => link.footnoteId),
    links.map((link) => link.label),
    links.map((link) => link.offset),
  );
  return links.length;
}

async function uniqueWorkSlug(tx: Db, collectionId: string, base: string): Promise<string> {
  const taken = new Set(
    (await tx.work.findMany({ where: { collectionId, slug: { startsWith: base } }, select: { slug: true } })).map((work) => work.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

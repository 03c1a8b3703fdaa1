import 'server-only';

import type { ImportWorkOptions } from './import-work';
import type { CleanupReportLine } from './prepare-text';
import { parseWorkMetadata } from './schemas';
import { storeUpload } from './store-upload';
import { assertRowsImportable, linkFootnotes, storeWork, type StoredWork } from './store-work';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId } from '../auth/permissions';
import { getDb, withTransaction } from '../db/client';
import { AppError } from '../errors/app-error';
import { resolveImportCollection } from '../library/resolve-collection';
import { runParseJob } from './worker/run-parse-job';

/** As for {@link importWork}; the volume's title becomes each work's source edition unless one is given. */
export type ImportVolumeOptions = ImportWorkOptions;

/** What a volume import made: the volume, and one work per part of it, in printed order. */
export interface VolumeImportSummary {
  collectionId: string;
  volumeId: string;
  uploadId: string;
  encoding: string;
  cleanup: CleanupReportLine[];
  /** Split by the table of contents, or into the pieces of an anthology. */
  splitBy: 'contents' | 'anthology';
  works: (StoredWork & {
    title: string;
    kind: 'work' | 'front-matter' | 'back-matter';
    firstPage: string | null;
    author: string;
    dateText: string;
    sourceEdition: string;
    sourceUrl: string;
    tags: string[];
  })[];
}

const PARTS = { work: 'WORK', 'front-matter': 'FRONT_MATTER', 'back-matter': 'BACK_MATTER' } as const;

/**
 * Imports a volume of several works as a volume (its title, author, date and edition) with one
 * work per item of its table of contents in printed order (front and back matter as parts of
 * their own, so nothing is lost), each with its own pages and its own date where its heading,
 * foot or contents entry prints one (else the volume's), in ONE transaction; the original upload
 * is kept once, on the first work. A text without contents that is an anthology is split into its
 * pieces, each with the author, date, source citation (its source edition), source link and tags
 * its attribution, source and tags lines give (else the volume's). Throws INVALID_INPUT when the
 * text splits neither way, and the errors of {@link importWork}.
 */
export async function importVolume({ actor, file, collection, metadata, cleanup, db = getDb() }: ImportVolumeOptions): Promise<VolumeImportSummary> {
  const meta = parseWorkMetadata(metadata);
  const volume = await runParseJob('prepare-volume', { file: { name: file.name, bytes: file.bytes }, language: meta.language, cleanup });
  if (!volume) {
    throw new AppError('INVALID_INPUT', 'import.noWorksFound');
  }
  for (const part of volume.parts) assertRowsImportable(part.rows);

  return withTransaction(
    db,
    async (tx) => {
      const target = await resolveImportCollection({ actor, ref: collection, db: tx });
      const authorId = actorUserId(actor);
      const sourceEdition = meta.sourceEdition || meta.title;
      const stored = await tx.volume.create({ data: { collectionId: target.id, title: meta.title, author: meta.author, dateText: meta.dateText, sourceEdition }, select: { id: true } });
      const works: VolumeImportSummary['works'] = [];
      const footnotes = [];
      for (const [position, part] of volume.parts.entries()) {
        const dateText = part.dateText ?? meta.dateText;
        // A piece of an anthology has its own author and source where its lines give them.
        const piece = {
          author: part.metadata?.author ?? meta.author,
          sourceEdition: part.metadata?.citation ?? sourceEdition,
          sourceUrl: part.metadata?.url ?? '',
          tags: part.metadata?.tags ?? [],
        };
        const { footnotes: partFootnotes, ...work } = await storeWork({
          tx,
          collectionId: target.id,
          meta: { ...meta, ...piece, title: part.title, dateText },
          rows: part.rows,
          authorId,
          volume: { id: stored.id, position, part: PARTS[part.kind] },
        });
        works.push({ ...work, ...piece, title: part.title, kind: part.kind, firstPage: part.firstPage, dateText });
        footnotes.push(partFootnotes);
      }
      await linkFootnotes({ tx, works: footnotes });
      const first = works[0];
      if (!first) throw new AppError('INVALID_INPUT', 'import.volumeEmpty');
      const uploadId = await storeUpload({ tx, workId: first.workId, file, format: volume.format, encoding: volume.encoding, uploadedById: authorId });
      await recordAuditEvent({
        db: tx,
        type: 'volume.imported',
        actorId: authorId,
        collectionId: target.id,
        workId: first.workId,
        data: { uploadId, volumeId: stored.id, workIds: works.map((work) => work.workId), encoding: volume.encoding, cleanup: volume.cleanup.map(({ ruleId, count }) => ({ ruleId, count })), splitBy: volume.splitBy },
      });
      return { collectionId: target.id, volumeId: stored.id, uploadId, encoding: volume.encoding, cleanup: volume.cleanup, splitBy: volume.splitBy, works };
    },
    { timeoutMs: 120_000 },
  );
}

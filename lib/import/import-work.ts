import 'server-only';

import { countByKind } from './build-segment-rows';
import { extractText } from './parse/extract-text';
import { prepareText, type CleanupChoice } from './prepare-text';
import { workMetadataSchema } from './schemas';
import { storeUpload, type UploadedFile } from './store-upload';
import type { ImportSummary } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { MAX_SEGMENT_CHARS, MAX_SEGMENTS_PER_IMPORT } from '../config/limits';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldErrorsFromIssues } from '../errors/field-errors';
import { resolveCollection, type CollectionRef } from '../library/resolve-collection';
import { slugify } from '../library/slugify';
import { insertSegmentRows } from '../segment/insert-segment-rows';

export interface ImportWorkOptions {
  actor: Actor;
  file: UploadedFile;
  collection: CollectionRef;
  /** Title, author, language…; validated by `workMetadataSchema`. */
  metadata: unknown;
  /** Cleanup rules to run (default: all rules on plain text, none on Markdown). */
  cleanup?: CleanupChoice;
  db?: Db;
}

export type { ImportSummary } from './types';

/**
 * Imports a plain-text or Markdown file as a new work: decodes it (encoding detected), cleans up
 * OCR and web-page noise with the chosen rules and segments it, then in ONE
 * transaction stores the original bytes unchanged, the work, its segments with published source
 * texts (IMPORT revisions), page anchors and an audit event. Nothing is left behind on failure.
 * Throws UNAUTHENTICATED/FORBIDDEN, NOT_FOUND (collection), INVALID_INPUT, PAYLOAD_TOO_LARGE,
 * UNSUPPORTED_ENCODING or UNSUPPORTED_MEDIA_TYPE.
 */
export async function importWork({ actor, file, collection, metadata, cleanup, db = getDb() }: ImportWorkOptions): Promise<ImportSummary> {
  const parsedMetadata = workMetadataSchema.safeParse(metadata);
  if (!parsedMetadata.success) {
    throw new AppError('INVALID_INPUT', parsedMetadata.error.issues[0]?.message ?? 'Invalid work details.', fieldErrorsFromIssues(parsedMetadata.error.issues));
  }
  const meta = parsedMetadata.data;
  const { format, encoding, rows, cleanup: cleanupReport } = prepareText({ bytes: file.bytes, filename: file.name, language: meta.language, cleanup, extractedText: extractText(file) });
  if (!rows.some((row) => row.text !== null)) throw new AppError('INVALID_INPUT', 'The file contains no text to import.');
  if (rows.length > MAX_SEGMENTS_PER_IMPORT) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The text has ${rows.length} segments; the limit is ${MAX_SEGMENTS_PER_IMPORT}.`);
  }
  const tooLong = rows.find((row) => row.text !== null && row.text.length > MAX_SEGMENT_CHARS);
  if (tooLong) {
    throw new AppError('INVALID_INPUT', `A paragraph of ${tooLong.text?.length} characters has no sentence break; the limit for one segment is ${MAX_SEGMENT_CHARS}.`);
  }

  return withTransaction(
    db,
    async (tx) => {
      const target = await resolveCollection({ actor, ref: collection, db: tx });
      assertCan(actor, 'work.import', { collectionId: target.id });
      const authorId = actor.kind === 'user' ? actor.id : null;
      const slug = await uniqueWorkSlug(tx, target.id, slugify(meta.title));
      const work = await tx.work.create({
        data: {
          collectionId: target.id,
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
      const uploadId = await storeUpload({ tx, workId: work.id, file, format, encoding, uploadedById: authorId });
      const inserted = await insertSegmentRows({ tx, workId: work.id, language: meta.language, rows, authorId });
      const counts = countByKind(rows);
      await tx.auditEvent.create({
        data: { type: 'work.imported', actorId: authorId, collectionId: target.id, workId: work.id, data: { uploadId, counts, format, encoding, cleanup: cleanupReport.map(({ ruleId, count }) => ({ ruleId, count })) } },
      });
      return {
        workId: work.id,
        collectionId: target.id,
        slug,
        title: meta.title,
        language: meta.language,
        counts,
        pageAnchors: inserted.anchors.map((anchor) => ({ label: anchor.label, segmentId: anchor.segmentId })),
        uploadId,
        encoding,
        cleanup: cleanupReport,
      };
    },
    { timeoutMs: 120_000 },
  );
}

async function uniqueWorkSlug(tx: Db, collectionId: string, base: string): Promise<string> {
  const taken = new Set(
    (await tx.work.findMany({ where: { collectionId, slug: { startsWith: base } }, select: { slug: true } })).map((work) => work.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

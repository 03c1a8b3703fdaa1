import 'server-only';

import type { CleanupChoice } from './prepare-text';
import { parseWorkMetadata } from './schemas';
import { storeUpload, type UploadedFile } from './store-upload';
import { assertRowsImportable, linkFootnotes, storeWork } from './store-work';
import type { ImportSummary } from './types';
import { runParseJob } from './worker/run-parse-job';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Actor, actorUserId } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { resolveImportCollection, type CollectionRef } from '../library/resolve-collection';

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
 * UNSUPPORTED_ENCODING, UNSUPPORTED_MEDIA_TYPE or SERVER_BUSY (see `runParseJob`).
 */
export async function importWork({ actor, file, collection, metadata, cleanup, db = getDb() }: ImportWorkOptions): Promise<ImportSummary> {
  const meta = parseWorkMetadata(metadata);
  // Decoding, parsing and cleanup take seconds on a long text: done in a worker, off the event loop.
  const { format, encoding, rows, cleanup: cleanupReport } = await runParseJob('prepare', { file: { name: file.name, bytes: file.bytes }, language: meta.language, cleanup });
  assertRowsImportable(rows);

  return withTransaction(
    db,
    async (tx) => {
      const target = await resolveImportCollection({ actor, ref: collection, db: tx });
      const authorId = actorUserId(actor);
      const { footnotes, ...stored } = await storeWork({ tx, collectionId: target.id, meta, rows, authorId });
      await linkFootnotes({ tx, works: [footnotes] });
      const uploadId = await storeUpload({ tx, workId: stored.workId, file, format, encoding, uploadedById: authorId });
      await recordAuditEvent({
        db: tx,
        type: 'work.imported',
        actorId: authorId,
        collectionId: target.id,
        workId: stored.workId,
        data: { uploadId, counts: stored.counts, format, encoding, cleanup: cleanupReport.map(({ ruleId, count }) => ({ ruleId, count })) },
      });
      return {
        ...stored,
        collectionId: target.id,
        title: meta.title,
        language: meta.language,
        uploadId,
        encoding,
        cleanup: cleanupReport,
      };
    },
    { timeoutMs: 120_000 },
  );
}

import 'server-only';

import { storeUpload, type UploadedFile } from './store-upload';
import { buildAlignmentUnits, unitsFromRows } from '../align/build-alignment-units';
import { placeBeads } from '../align/place-beads';
import { translationProvenanceSchema } from '../align/schemas';
import type { AlignedTranslationSummary } from '../align/types';
import { recordAuditEvent } from '../audit/record-audit-event';
import { assertCan, type Actor, actorUserId } from '../auth/permissions';
import { liveTextSegmentsOf } from '../auth/scope';
import { MAX_ALIGNED_SENTENCES } from '../config/limits';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';
import { runParseJob } from './worker/run-parse-job';
import { insertPublishedTexts } from '../segment/insert-published-texts';

export interface ImportAlignedTranslationOptions {
  actor: Actor;
  workId: string;
  file: UploadedFile;
  /** Language and provenance, validated by `translationProvenanceSchema`. */
  provenance: unknown;
  db?: Db;
}

export type { AlignedTranslationSummary } from '../align/types';

const LOW_CONFIDENCE = 0.5;

/**
 * The work's sentences as alignment units, and a fingerprint of what they were made from (each
 * live segment and the revision of its source text), to tell whether the work changed since.
 */
async function readSourceSide(db: Db, work: { id: string; sourceLanguage: string }) {
  const segments = await db.segment.findMany({
    where: liveTextSegmentsOf(work.id),
    orderBy: { orderKey: 'asc' },
    select: { id: true, kind: true, parentId: true, texts: { where: { language: work.sourceLanguage }, select: { publishedRevisionId: true, publishedRevision: { select: { text: true } } } } },
  });
  const source = buildAlignmentUnits(segments.map((s) => ({ key: s.id, text: s.texts[0]?.publishedRevision?.text ?? '', kind: s.kind, parentKey: s.parentId })));
  const fingerprint = segments.map((s) => `${s.id}:${s.texts[0]?.publishedRevisionId ?? ''}`).join(',');
  return { source, fingerprint };
}

/** Refuses a side too long to align in one run ({@link MAX_ALIGNED_SENTENCES}), before any aligning. */
function assertAlignableSize(side: 'work' | 'translation', sentences: number): void {
  if (sentences <= MAX_ALIGNED_SENTENCES) return;
  throw new AppError('PAYLOAD_TOO_LARGE', side === 'translation' ? 'import.translationTooLong' : 'import.workTooLong', {
    values: { count: sentences, limit: MAX_ALIGNED_SENTENCES },
    details: { limit: MAX_ALIGNED_SENTENCES, sentences },
  });
}

/**
 * Brings in an existing translation of a work: segments it like any text, aligns it to the work's
 * segments (sentence by sentence, guided by the paragraph breaks of both) and, in one transaction,
 * stores the original file, the language with its provenance, one published text per aligned
 * segment (ALIGN revisions with the bead's confidence) and an audit event. Every sentence of both
 * sides is kept. Throws UNAUTHENTICATED/FORBIDDEN, NOT_FOUND, CONFLICT (language exists),
 * INVALID_INPUT, PAYLOAD_TOO_LARGE (a side over `MAX_ALIGNED_SENTENCES`) and the decoding errors
 * of imports.
 */
export async function importAlignedTranslation({ actor, workId, file, provenance, db = getDb() }: ImportAlignedTranslationOptions): Promise<AlignedTranslationSummary> {
  const parsed = translationProvenanceSchema.safeParse(provenance);
  if (!parsed.success) throw AppError.invalidInput(parsed.error.issues, 'import.invalidTranslationDetails');
  const meta = parsed.data;
  const { format, encoding, rows } = await runParseJob('prepare', { file: { name: file.name, bytes: file.bytes }, language: meta.language });
  const target = buildAlignmentUnits(unitsFromRows(rows));
  if (target.keys.length === 0) throw new AppError('INVALID_INPUT', 'import.translationEmpty');
  assertAlignableSize('translation', target.keys.length);

  // The work's side is read and the translation aligned before the transaction opens: aligning a
  // long volume takes seconds of CPU, which run in a parse worker, not on the thread serving
  // requests, and not while a transaction holds its connection.
  const work = await db.work.findUnique({ where: { id: workId }, select: { id: true, collectionId: true, sourceLanguage: true } });
  if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
  assertCan(actor, 'work.import', { collectionId: work.collectionId });
  if (meta.language === work.sourceLanguage) throw new AppError('INVALID_INPUT', 'import.translationSameLanguage', { details: { language: [fieldMessage('field.chooseTranslationLanguage')] } });
  const aligned = await readSourceSide(db, work);
  if (aligned.source.keys.length === 0) throw new AppError('INVALID_INPUT', 'import.nothingToAlignTo');
  assertAlignableSize('work', aligned.source.keys.length);
  const beads = await runParseJob('align', { source: aligned.source.paragraphs, target: target.paragraphs, options: { sourceLanguage: work.sourceLanguage, targetLanguage: meta.language } });

  return withTransaction(
    db,
    async (tx) => {
      // The work as aligned must be the work written to: its source texts are locked and compared.
      await tx.$queryRaw`SELECT id FROM work WHERE id = ${workId}::uuid FOR UPDATE`;
      if (await tx.workLanguage.findUnique({ where: { workId_language: { workId, language: meta.language } }, select: { language: true } })) {
        throw new AppError('CONFLICT', 'import.languageExists', { values: { language: meta.language }, details: { language: [fieldMessage('field.languageExists')] } });
      }
      if ((await readSourceSide(tx, work)).fingerprint !== aligned.fingerprint) {
        throw new AppError('CONFLICT', 'import.changedWhileAligning');
      }
      const { source } = aligned;
      const targetSentences = target.paragraphs.flat();
      const placed = placeBeads(beads, targetSentences);
      const authorId = actorUserId(actor);

      await tx.workLanguage.create({
        data: { workId, language: meta.language, translator: meta.translator, edition: meta.edition, publishedYear: meta.publishedYear ?? null, translatedFrom: meta.translatedFrom ?? work.sourceLanguage },
      });
      await storeUpload({ tx, workId, file, format, encoding, uploadedById: authorId });
      const withText = placed.filter((item) => item.text !== null);
      await insertPublishedTexts({
        tx,
        language: meta.language,
        items: withText.map((item) => ({ segmentId: source.keys[item.source] as string, text: item.text as string, alignScore: item.score })),
        authorId,
        origin: 'ALIGN',
      });
      const continuing = placed.filter((item) => item.continuesPrevious).map((item) => source.keys[item.source] as string);
      if (continuing.length > 0) {
        await tx.segmentText.createMany({ data: continuing.map((segmentId) => ({ segmentId, language: meta.language, continuesPrevious: true, status: 'APPROVED' as const })) });
      }

      const beadTypes: Record<string, number> = {};
      for (const bead of beads) beadTypes[`${bead.source.length}-${bead.target.length}`] = (beadTypes[`${bead.source.length}-${bead.target.length}`] ?? 0) + 1;
      const summary: AlignedTranslationSummary = {
        workId,
        language: meta.language,
        targetSentences: targetSentences.length,
        beadTypes,
        lowConfidence: beads.filter((bead) => bead.score < LOW_CONFIDENCE).length,
        meanScore: beads.length ? Number((beads.reduce((sum, bead) => sum + bead.score, 0) / beads.length).toFixed(3)) : 0,
      };
      await recordAuditEvent({ db: tx, type: 'translation.aligned', actorId: authorId, collectionId: work.collectionId, workId, data: summary });
      return summary;
    },
    { timeoutMs: 120_000 },
  );
}

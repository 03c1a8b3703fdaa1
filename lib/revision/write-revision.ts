import 'server-only';

import { remapSourceMarks } from './remap-source-marks';
import type { MachineProvider, Prisma, RevisionOrigin } from '../db/client';
import { uuidv7 } from '../db/uuid';
import { mapRanges, normalizeRanges, rangesFromPairs, rangesToPairs, type TextRange } from '../diff/text-ranges';
import { AppError } from '../errors/app-error';

export interface WriteRevisionOptions {
  tx: Prisma.TransactionClient;
  segmentId: string;
  language: string;
  /** The new published text; null publishes nothing (the segment has no text in this language). */
  text: string | null;
  /**
   * The emphasis of the new text. Absent: the published text's emphasis carried over to the new
   * text through the word diff ({@link mapRanges}), so an edit keeps the emphasised words emphasised.
   */
  emphasis?: readonly TextRange[];
  origin: RevisionOrigin;
  authorId: string | null;
  /** Who changed the author's text before it was published (a reviewer's edit), credited beside the author. */
  editedById?: string | null;
  /** The published revision the change was based on (null: none). A different current one is STALE_BASE. */
  expectedRevisionId: string | null;
  /** Other fields of the text to set with it. */
  fields?: { continuesPrevious?: boolean; alignScore?: number | null; sourceRevisionId?: string | null };
  /**
   * Fields of the new revision: for a translation, the source revision it was made against, and
   * the machine translation service its text came from (with whether a person edited it).
   */
  revisionFields?: { sourceRevisionId?: string | null; machineProvider?: MachineProvider | null; isMachineEdited?: boolean };
  /** The error to throw when the compare-and-set fails (default: a plain STALE_BASE). */
  onStale?: () => Promise<Error>;
}

/**
 * The refusal of a text of its own for a segment whose text is grouped into the previous
 * segment's (`continues_previous`: one translated sentence covers both): its words belong to the
 * group's first segment, and a text of its own would make readers see that passage twice.
 */
export function continuationConflict(): AppError {
  return new AppError('CONFLICT', 'revision.pairedWithPrevious', { details: { continuesPrevious: true } });
}

/** The refusal of new text for a segment no longer part of the text (retired). */
export function retiredConflict(): AppError {
  return new AppError('CONFLICT', 'revision.passageRetired', { details: { isRetired: true } });
}

/**
 * Takes a share lock on a segment's row and refuses (CONFLICT, {@link retiredConflict}) one that
 * is retired. A structural edit locks the rows of the segments it retires (`FOR UPDATE`) before
 * reading them, so a text written to one of them either waits for the edit and is refused, or is
 * written first and seen by the edit (which then refuses itself). NOT_FOUND when there is no such
 * segment. Returns its work's source language (the language of the text its marks are in).
 */
export async function lockLiveSegment(tx: Prisma.TransactionClient, segmentId: string): Promise<{ sourceLanguage: string }> {
  // all segments: a retired one is read to be refused.
  const rows = await tx.$queryRaw<{ retired: boolean; source_language: string }[]>`
    SELECT s.retired_at IS NOT NULL AS retired, w.source_language FROM segment s JOIN work w ON w.id = s.work_id WHERE s.id = ${segmentId}::uuid FOR KEY SHARE OF s`;
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'segment.notFound');
  if (row.retired) throw retiredConflict();
  return { sourceLanguage: row.source_language };
}

/**
 * The one way a published text changes: locks the text, checks that its published revision is
 * still `expectedRevisionId` (compare-and-set), appends an immutable revision whose parent is the
 * current one and moves the published pointer, so a change based on a stale text is refused
 * (STALE_BASE, or the error `onStale` builds) and nothing is overwritten silently. A text for a
 * segment that stays grouped into the previous one is refused ({@link continuationConflict}),
 * and so is any text of a retired segment ({@link lockLiveSegment}: the segment's row is locked
 * before its text, the order a structural edit takes them in). The new revision keeps the text's
 * emphasis where its words still are, unless the caller gives the emphasis, and the footnote markers and page beginnings of a source text stay by their words
 * ({@link remapSourceMarks}). Returns the new published revision id (null when `text` is null).
 */
export async function writeRevision({ tx, segmentId, language, text, emphasis, origin, authorId, editedById = null, expectedRevisionId, fields = {}, revisionFields = {}, onStale }: WriteRevisionOptions): Promise<string | null> {
  const stale = async () => (onStale ? await onStale() : new AppError('STALE_BASE', 'revision.textChanged'));
  const { sourceLanguage } = await lockLiveSegment(tx, segmentId);
  // Lock the text before anything else: concurrent writers of one text queue here, and each one
  // then sees the pointer the previous one left (no deadlock between their revision inserts).
  let current = await lockText(tx, segmentId, language);
  if (!current) {
    if (expectedRevisionId !== null) throw await stale();
    await tx.$executeRaw`INSERT INTO segment_text (id, segment_id, language, status) VALUES (${uuidv7()}::uuid, ${segmentId}::uuid, ${language}, 'EMPTY') ON CONFLICT (segment_id, language) DO NOTHING`;
    current = await lockText(tx, segmentId, language);
    if (!current) throw new AppError('NOT_FOUND', 'segment.notFound');
  }
  if (current.publishedRevisionId !== expectedRevisionId) throw await stale();
  if (text !== null && (fields.continuesPrevious ?? current.continuesPrevious)) throw continuationConflict();
  let revisionId: string | null = null;
  if (text !== null) {
    const kept = emphasis ?? (current.published ? mapRanges(current.published.text, text, rangesFromPairs(current.published.emphasis)) : []);
    const revision = await tx.revision.create({
      data: { segmentTextId: current.id, text, emphasis: rangesToPairs(normalizeRanges(text, kept)), origin, authorId, editedById, parentId: current.publishedRevisionId, ...revisionFields },
      select: { id: true },
    });
    revisionId = revision.id;
    if (current.published && language === sourceLanguage) await remapSourceMarks(tx, segmentId, current.published.text, text);
  }
  await tx.segmentText.update({
    where: { id: current.id },
    data: { publishedRevisionId: revisionId, status: text === null ? (fields.continuesPrevious ? 'APPROVED' : 'EMPTY') : 'APPROVED', updatedAt: new Date(), ...fields },
  });
  return revisionId;
}

/** The text row, locked, with its published revision's text and emphasis (the emphasis a new text inherits). */
async function lockText(
  tx: Prisma.TransactionClient,
  segmentId: string,
  language: string,
): Promise<{ id: string; publishedRevisionId: string | null; continuesPrevious: boolean; published: { text: string; emphasis: number[] } | null } | null> {
  const rows = await tx.$queryRaw<{ id: string; published_revision_id: string | null; continues_previous: boolean; text: string | null; emphasis: number[] | null }[]>`
    SELECT t.id, t.published_revision_id, t.continues_previous, r.text, r.emphasis
      FROM segment_text t LEFT JOIN revision r ON r.id = t.published_revision_id
     WHERE t.segment_id = ${segmentId}::uuid AND t.language = ${language}
       FOR UPDATE OF t`;
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, publishedRevisionId: row.published_revision_id, continuesPrevious: row.continues_previous, published: row.text === null ? null : { text: row.text, emphasis: row.emphasis ?? [] } };
}

import 'server-only';

import type { Prisma, RevisionOrigin } from '../db/client';
import { AppError } from '../errors/app-error';

export interface WriteRevisionOptions {
  tx: Prisma.TransactionClient;
  segmentId: string;
  language: string;
  /** The new published text; null publishes nothing (the segment has no text in this language). */
  text: string | null;
  origin: RevisionOrigin;
  authorId: string | null;
  /** The published revision the change was based on (null: none). A different current one is STALE_BASE. */
  expectedRevisionId: string | null;
  /** Other fields of the text to set with it. */
  fields?: { continuesPrevious?: boolean; alignScore?: number | null; sourceRevisionId?: string | null };
  /** Fields of the new revision: for a translation, the source revision it was made against. */
  revisionFields?: { sourceRevisionId?: string | null };
  /** The error to throw when the compare-and-set fails (default: a plain STALE_BASE). */
  onStale?: () => Promise<Error>;
}

/**
 * The one way a published text changes: appends an immutable revision whose parent is the
 * current one and moves the published pointer with a compare-and-set on `expectedRevisionId`, so
 * a change based on a stale text is refused (STALE_BASE) and nothing is overwritten silently.
 * Returns the new published revision id (null when `text` is null).
 */
export async function writeRevision({ tx, segmentId, language, text, origin, authorId, expectedRevisionId, fields = {}, revisionFields = {}, onStale }: WriteRevisionOptions): Promise<string | null> {
  let current = await tx.segmentText.findUnique({ where: { segmentId_language: { segmentId, language } }, select: { id: true, publishedRevisionId: true } });
  if (!current) {
    if (expectedRevisionId !== null) throw new AppError('STALE_BASE', 'This text changed since you loaded it. Reload and try again.');
    current = await tx.segmentText.create({ data: { segmentId, language, status: 'EMPTY' }, select: { id: true, publishedRevisionId: true } });
  }
  let revisionId: string | null = null;
  if (text !== null) {
    const revision = await tx.revision.create({
      data: { segmentTextId: current.id, text, origin, authorId, parentId: current.publishedRevisionId, ...revisionFields },
      select: { id: true },
    });
    revisionId = revision.id;
  }
  const updated = await tx.segmentText.updateMany({
    where: { id: current.id, publishedRevisionId: expectedRevisionId },
    data: { publishedRevisionId: revisionId, status: text === null ? (fields.continuesPrevious ? 'APPROVED' : 'EMPTY') : 'APPROVED', updatedAt: new Date(), ...fields },
  });
  // Another transaction moved the pointer first (the row lock made this one wait and re-check).
  if (updated.count === 0) throw onStale ? await onStale() : new AppError('STALE_BASE', 'This text changed since you loaded it. Reload and try again.');
  return revisionId;
}

import 'server-only';

import type { SkipCode } from './suspect-mark';
import { replaceWord } from './words';
import { loadProofreadWork, workFindings } from './work-findings';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { MAX_PROOFREAD_FIX_SEGMENTS } from '../config/limits';
import { getDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { createSuggestion } from '../review/create-suggestion';

export interface ProposedCorrection {
  word: string;
  correction: string;
  /** Segments that got a suggestion. */
  suggested: string[];
  /** Segments that did not, with the reason in English (a suggestion word for word the same waits already…) and, for the proofreader's own reasons, its code. */
  skipped: { segmentId: string; reason: string; code?: SkipCode }[];
}

/**
 * Proposes the correction the checker found for a suspect word, as a suggestion for each segment
 * of the work's source language it stands in (or for the one segment named), never as published
 * text: each goes through `createSuggestion` and waits for review like any other. The word is
 * replaced where it stands whole, in the actor's own suggestion for that text when one waits on
 * the published revision (a new suggestion replaces it, so earlier fixes are kept), else in the
 * published text. At most {@link MAX_PROOFREAD_FIX_SEGMENTS} segments per call. Throws NOT_FOUND
 * for an unknown work, UNAUTHENTICATED/FORBIDDEN, and CONFLICT when the word is no longer a suspect
 * with a correction (its texts changed) or does not stand in the segment named.
 */
export async function proposeSuspectCorrection({ actor, workId, word, segmentId, db = getDb() }: { actor: Actor; workId: string; word: string; segmentId?: string; db?: Db }): Promise<ProposedCorrection> {
  const work = await loadProofreadWork(db, workId);
  assertCan(actor, 'suggestion.create', { collectionId: work.collectionId });
  assertCan(actor, 'segment.edit', { collectionId: work.collectionId });
  const suspect = (await workFindings(db, work)).suspects.find((entry) => entry.word === word);
  if (!suspect?.correction) throw new AppError('CONFLICT', 'proofread.noLongerSuspected');
  const segmentIds = suspect.places.map((place) => place.segmentId).filter((id) => segmentId === undefined || id === segmentId);
  if (segmentIds.length === 0) throw new AppError('CONFLICT', 'proofread.wordGone');
  const correction = suspect.correction;
  const authorId = actorUserId(actor);
  const result: ProposedCorrection = { word, correction, suggested: [], skipped: [] };
  const ids = segmentIds.slice(0, MAX_PROOFREAD_FIX_SEGMENTS);
  // The texts the word is replaced in, read for all the segments at once: each one's published
  // revision, and the actor's own suggestion waiting on it (the latest).
  const texts = await db.segmentText.findMany({ where: { segmentId: { in: ids }, language: work.sourceLanguage }, select: { segmentId: true, publishedRevision: { select: { id: true, text: true } } } });
  const publishedOf = new Map(texts.flatMap((row) => (row.publishedRevision ? [[row.segmentId, row.publishedRevision] as const] : [])));
  const waiting = authorId
    ? await db.suggestion.findMany({
        where: { segmentId: { in: ids }, language: work.sourceLanguage, authorId, status: 'PENDING', kind: 'CORRECTION', baseRevisionId: { in: [...publishedOf.values()].map((revision) => revision.id) } },
        orderBy: { createdAt: 'desc' },
        select: { segmentId: true, baseRevisionId: true, text: true },
      })
    : [];
  const ownOf = new Map<string, string>();
  for (const row of waiting) if (!ownOf.has(row.segmentId) && row.baseRevisionId === publishedOf.get(row.segmentId)?.id) ownOf.set(row.segmentId, row.text);
  for (const id of ids) {
    const published = publishedOf.get(id);
    if (!published) {
      result.skipped.push({ segmentId: id, reason: 'The segment has no published text.', code: 'NO_PUBLISHED_TEXT' });
      continue;
    }
    const before = ownOf.get(id) ?? published.text;
    const text = replaceWord(before, word, correction);
    if (text === before) {
      result.skipped.push({ segmentId: id, reason: 'The word is already corrected in this text.', code: 'ALREADY_CORRECTED' });
      continue;
    }
    try {
      await createSuggestion({ actor, input: { segmentId: id, language: work.sourceLanguage, text, baseRevisionId: published.id }, db });
      result.suggested.push(id);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'INTERNAL') throw error;
      result.skipped.push({ segmentId: id, reason: error.message });
    }
  }
  return result;
}

import 'server-only';

import { findGlossaryHits } from './find-glossary-hits';
import type { WorkGlossaryQuery } from './schemas';
import type { SegmentGlossaryHits } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { liveTextSegmentsOf } from '../auth/scope';
import { getReadDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';

/**
 * The glossary terms in the published originals of the segments of editor chunks `chunk` …
 * `chunk + count - 1` of a work, for its translation into `lang`: the collection's glossary for
 * the work's source language and `lang`, by segment (segments without a term left out). Asked
 * once per chunk as the editor's rows load, so that a screen of rows costs one request and two
 * queries besides reading the texts. Nothing when `lang` is the work's own language (correcting
 * the original). Throws NOT_FOUND (no such work).
 */
export async function findWorkGlossaryHits({ actor, input, db = getReadDb() }: { actor: Actor; input: WorkGlossaryQuery; db?: Db }): Promise<{ segments: Record<string, SegmentGlossaryHits> }> {
  const work = await db.work.findUnique({ where: { id: input.workId }, select: { id: true, collectionId: true, sourceLanguage: true } });
  if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
  assertCan(actor, 'glossary.read', { collectionId: work.collectionId });
  if (input.lang === work.sourceLanguage) return { segments: {} };
  const segments = await db.segment.findMany({
    where: { ...liveTextSegmentsOf(work.id), chunk: { gte: input.chunk, lt: input.chunk + input.count } },
    select: { id: true, texts: { where: { language: work.sourceLanguage }, select: { publishedRevision: { select: { text: true } } } } },
  });
  const texts = segments.map((segment) => ({ segmentId: segment.id, text: segment.texts[0]?.publishedRevision?.text ?? '' })).filter((entry) => entry.text.trim() !== '');
  if (texts.length === 0) return { segments: {} };
  const hits = await findGlossaryHits(db, { collectionId: work.collectionId, sourceLanguage: work.sourceLanguage, targetLanguage: input.lang, texts: texts.map((entry) => entry.text) });
  const bySegment: Record<string, SegmentGlossaryHits> = {};
  texts.forEach((entry, index) => {
    const found = hits[index] ?? [];
    if (found.length > 0) bySegment[entry.segmentId] = { text: entry.text, hits: found };
  });
  return { segments: bySegment };
}

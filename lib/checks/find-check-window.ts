import 'server-only';

import { loadCheckContexts } from './load-check-contexts';
import { loadCollectionCheckSettings } from './load-check-settings';
import { loadWorkCheckUnits } from './load-check-units';
import { loadCheckWork } from './load-check-work';
import { loadDismissals } from './load-dismissals';
import { loadLengthNorm, NORM_MAX_AGE_MS } from './load-length-norm';
import { MAX_CHECK_WINDOW_CHUNKS } from './schemas';
import type { CheckContext, CheckSettings, Dismissal, LengthNorm } from './types';
import { assertCan, can, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

/** What the editor needs to check one segment's draft in the browser, besides the two texts. */
export type SegmentCheckContext = Omit<CheckContext, 'lengthNorm'> & {
  /** The findings of this translation editors dismissed. */
  dismissals: Dismissal[];
};

/** The check contexts of a window of the editor's rows, asked once per window as its rows load. */
export interface CheckWindow {
  settings: CheckSettings;
  /** The work's length norm for the language (one for every segment). */
  lengthNorm: LengthNorm;
  /** The viewer may dismiss and restore findings. */
  canDismiss: boolean;
  /** By segment (segments whose translation is part of the previous one's are left out). */
  segments: Record<string, SegmentCheckContext>;
}

/**
 * The context the editor's checks need for the segments of chunks `fromChunk` …
 * `fromChunk + chunkCount - 1` (at most {@link MAX_CHECK_WINDOW_CHUNKS}): the collection's check
 * settings, the work's length norm, and per segment its footnote references, the other
 * translations of its sentence, its glossary terms and names, and its dismissed findings. The
 * checks themselves run in the browser on every change of a draft. NOT_FOUND for an unknown work
 * or language; INVALID_INPUT for the source language; UNAUTHENTICATED/FORBIDDEN without
 * `segment.edit` on the work.
 */
export async function findCheckWindow({ actor, workId, language, fromChunk, chunkCount = 1, db = getDb() }: { actor: Actor; workId: string; language: string; fromChunk: number; chunkCount?: number; db?: Db }): Promise<CheckWindow> {
  const work = await loadCheckWork(db, { workId, language });
  assertCan(actor, 'segment.edit', { collectionId: work.collectionId });
  const toChunk = fromChunk + Math.min(Math.max(chunkCount, 1), MAX_CHECK_WINDOW_CHUNKS);
  const units = (await loadWorkCheckUnits(db, { workId: work.workId, sourceLanguage: work.sourceLanguage, language, chunks: { from: fromChunk, to: toChunk } })).filter((unit) => !unit.isContinuation);
  const segmentIds = units.map((unit) => unit.segmentId);
  const lengthNorm = await loadLengthNorm(db, { workId: work.workId, sourceLanguage: work.sourceLanguage, language, maxAgeMs: NORM_MAX_AGE_MS });
  const contexts = await loadCheckContexts(db, { work, language, requests: units.map((unit) => ({ unit })), lengthNorm });
  const dismissals = await loadDismissals(db, { language, segmentIds });
  const settings = await loadCollectionCheckSettings(db, work.collectionId);
  const result: Record<string, SegmentCheckContext> = {};
  for (const unit of units) {
    const context = contexts.get(unit.segmentId);
    if (!context) continue;
    result[unit.segmentId] = { footnotes: context.footnotes, glossary: context.glossary, names: context.names, otherTranslations: context.otherTranslations, dismissals: dismissals.get(unit.segmentId) ?? [] };
  }
  return { settings, lengthNorm, canDismiss: can(actor, 'check.dismiss', { collectionId: work.collectionId }), segments: result };
}

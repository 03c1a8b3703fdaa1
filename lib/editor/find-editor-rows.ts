import 'server-only';

import { readEditorChunks } from './editor-rows';
import { assertEditorLanguage, loadEditorWork } from './load-editor-work';
import { MAX_EDITOR_CHUNKS_PER_REQUEST } from './schemas';
import type { EditorChunk } from './types';
import type { Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

export interface FindEditorRowsOptions {
  actor: Actor;
  workId: string;
  /** The language being edited. */
  language: string;
  /** The first chunk wanted. */
  fromChunk: number;
  /** Consecutive chunks from `fromChunk` (at most {@link MAX_EDITOR_CHUNKS_PER_REQUEST}). */
  chunkCount?: number;
  db?: Db;
}

/**
 * Rows of the segment editor for a few chunks, as the editor scrolls towards them: published
 * source and target texts, statuses and revision ids. Chunks past the end of the work come back
 * empty. Throws UNAUTHENTICATED/FORBIDDEN, and NOT_FOUND for unknown works and languages.
 */
export async function findEditorRows({ actor, workId, language, fromChunk, chunkCount = 1, db = getDb() }: FindEditorRowsOptions): Promise<{ chunks: EditorChunk[] }> {
  const work = await loadEditorWork(db, actor, workId);
  assertEditorLanguage(work, language);
  const count = Math.min(Math.max(chunkCount, 1), MAX_EDITOR_CHUNKS_PER_REQUEST);
  const chunks = await readEditorChunks(db, { actor, workId: work.id, collectionId: work.collectionId, sourceLanguage: work.sourceLanguage, language, fromChunk, toChunk: fromChunk + count });
  return { chunks };
}

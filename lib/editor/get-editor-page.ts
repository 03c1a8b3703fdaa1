import 'server-only';

import { countChunkSizes, readEditorChunks } from './editor-rows';
import { assertEditorLanguage, loadEditorWork } from './load-editor-work';
import { INITIAL_EDITOR_CHUNKS } from './schemas';
import type { EditorPage } from './types';
import { can, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

export interface GetEditorPageOptions {
  actor: Actor;
  workId: string;
  /** The language to edit; null: the work's first translation, else its source. */
  language: string | null;
  db?: Db;
}

/**
 * What the segment editor opens with: the work, the language being edited, the size of every
 * chunk (so the whole work can be scrolled before its rows are loaded), the first chunks' rows,
 * the viewer and whether they may edit. Throws UNAUTHENTICATED/FORBIDDEN, and NOT_FOUND for
 * unknown works and languages the work is not read in.
 */
export async function getEditorPage({ actor, workId, language, db = getDb() }: GetEditorPageOptions): Promise<EditorPage> {
  const work = await loadEditorWork(db, actor, workId);
  const edited = language ?? work.languages[1] ?? work.sourceLanguage;
  assertEditorLanguage(work, edited);
  const chunkSizes = await countChunkSizes(db, work.id);
  const initialChunks = await readEditorChunks(db, { workId: work.id, sourceLanguage: work.sourceLanguage, language: edited, fromChunk: 0, toChunk: Math.min(INITIAL_EDITOR_CHUNKS, chunkSizes.length) });
  return {
    work: { id: work.id, title: work.title, collectionTitle: work.collectionTitle, sourceLanguage: work.sourceLanguage },
    language: edited,
    isSourceLanguage: edited === work.sourceLanguage,
    languages: work.languages,
    chunkSizes,
    initialChunks,
    viewer: actor.kind === 'user' ? { id: actor.id, name: actor.name } : null,
    abilities: { canEdit: can(actor, 'segment.edit', { collectionId: work.collectionId }) },
  };
}

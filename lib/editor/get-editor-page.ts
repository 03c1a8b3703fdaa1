import 'server-only';

import { randomUUID } from 'node:crypto';

import { countChunkSizes, readEditorChunks } from './editor-rows';
import { assertEditorLanguage, loadEditorWork } from './load-editor-work';
import { INITIAL_EDITOR_CHUNKS } from './schemas';
import type { EditorPage } from './types';
import { can, type Actor } from '../auth/permissions';
import { liveSegmentSql } from '../auth/scope';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { machineTranslationOffer } from '../machine-translation/configured-provider';

export interface GetEditorPageOptions {
  actor: Actor;
  workId: string;
  /** The language to edit; null: the work's first translation, else its source. */
  language: string | null;
  /** A segment to open the editor at (`?segment=`); ignored when it is not a text-bearing segment of the work. */
  segmentId?: string | null;
  db?: Db;
}

/**
 * What the segment editor opens with: the work, the language being edited, the size of every
 * chunk (so the whole work can be scrolled before its rows are loaded), the first chunks' rows,
 * the viewer and whether they may edit, and the machine translation service offered for a
 * translation's drafts (none when none is configured). Throws UNAUTHENTICATED/FORBIDDEN, and NOT_FOUND for
 * unknown works and languages the work is not read in.
 */
export async function getEditorPage({ actor, workId, language, segmentId = null, db = getDb() }: GetEditorPageOptions): Promise<EditorPage> {
  const work = await loadEditorWork(db, actor, workId);
  const edited = language ?? work.languages[1] ?? work.sourceLanguage;
  assertEditorLanguage(work, edited);
  const chunkSizes = await countChunkSizes(db, work.id);
  const focus = segmentId && isUuid(segmentId) ? await locateSegment(db, work.id, segmentId) : null;
  const canEdit = can(actor, 'segment.edit', { collectionId: work.collectionId });
  const initialChunks = await readEditorChunks(db, { actor, workId: work.id, collectionId: work.collectionId, sourceLanguage: work.sourceLanguage, language: edited, fromChunk: 0, toChunk: Math.min(INITIAL_EDITOR_CHUNKS, chunkSizes.length) });
  return {
    work: { id: work.id, title: work.title, collectionId: work.collectionId, collectionTitle: work.collectionTitle, sourceLanguage: work.sourceLanguage },
    language: edited,
    isSourceLanguage: edited === work.sourceLanguage,
    languages: work.languages,
    chunkSizes,
    initialChunks,
    readId: randomUUID(),
    focus,
    viewer: actor.kind === 'user' ? { id: actor.id, name: actor.name } : null,
    abilities: {
      canEdit,
      canSuggest: can(actor, 'suggestion.create', { collectionId: work.collectionId }),
      // Editors publish their own drafts directly where one approval suffices (lib/review).
      canPublish: work.isSingleReview && can(actor, 'segment.publish', { collectionId: work.collectionId }),
      canRevert: can(actor, 'revision.revert', { collectionId: work.collectionId }),
      canConfirm: can(actor, 'translation.confirm', { collectionId: work.collectionId }),
      canReview: can(actor, 'suggestion.review', { collectionId: work.collectionId }),
      canComment: can(actor, 'comment.create', { collectionId: work.collectionId }),
      canModerate: can(actor, 'comment.moderate', { collectionId: work.collectionId }),
    },
    machineTranslation: canEdit && edited !== work.sourceLanguage ? machineTranslationOffer() : null,
  };
}

/** Where a text-bearing segment of the work is in the editor's layout: its chunk and its place in it. */
async function locateSegment(db: Db, workId: string, segmentId: string): Promise<EditorPage['focus']> {
  const rows = await db.$queryRaw<{ chunk: number; position: bigint }[]>`
    SELECT s.chunk, (SELECT count(*) FROM segment o WHERE o.work_id = s.work_id AND o.chunk = s.chunk AND o.kind <> 'PARAGRAPH' AND ${liveSegmentSql('o')} AND o.order_key < s.order_key) AS position
      FROM segment s
     WHERE s.id = ${segmentId}::uuid AND s.work_id = ${workId}::uuid AND s.kind <> 'PARAGRAPH' AND ${liveSegmentSql('s')}`;
  const row = rows[0];
  return row ? { segmentId, chunk: row.chunk, position: Number(row.position) } : null;
}

import 'server-only';

import { assertCan, type Actor } from '../auth/permissions';
import type { Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

export interface EditorWork {
  id: string;
  title: string;
  collectionId: string;
  collectionTitle: string;
  /** Whether one approval publishes a suggestion in the work's collection (else a second reviewer validates). */
  isSingleReview: boolean;
  sourceLanguage: string;
  /** The work's languages, its source first. */
  languages: string[];
}

/**
 * The work an editor request is about, checked for `work.read` (drafts are readable by everyone
 * who may read the work; the collaboration server decides who may change them). Throws
 * UNAUTHENTICATED/FORBIDDEN, and NOT_FOUND for unknown works.
 */
export async function loadEditorWork(db: Db, actor: Actor, workId: string): Promise<EditorWork> {
  const work = isUuid(workId)
    ? await db.work.findUnique({
        where: { id: workId },
        select: { id: true, title: true, sourceLanguage: true, collection: { select: { id: true, title: true, reviewPolicy: true } }, languages: { select: { language: true }, orderBy: { createdAt: 'asc' } } },
      })
    : null;
  if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
  assertCan(actor, 'work.read', { collectionId: work.collection.id });
  const others = work.languages.map((entry) => entry.language).filter((language) => language !== work.sourceLanguage);
  return { id: work.id, title: work.title, collectionId: work.collection.id, collectionTitle: work.collection.title, isSingleReview: work.collection.reviewPolicy === 'SINGLE', sourceLanguage: work.sourceLanguage, languages: [work.sourceLanguage, ...others] };
}

/** Throws NOT_FOUND unless `language` is one the work is read in (only those have documents). */
export function assertEditorLanguage(work: EditorWork, language: string): void {
  if (!work.languages.includes(language)) throw new AppError('NOT_FOUND', 'editor.noText', { values: { language } });
}

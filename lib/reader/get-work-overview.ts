import 'server-only';

import { countLanguageProgress } from './count-language-progress';
import type { WorkOverview } from './types';
import { assertCan, can, type Actor } from '../auth/permissions';
import { liveSegmentsOf } from '../auth/scope';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/**
 * A work's metadata, languages with progress, table of contents (its headings in the source
 * language) and the actor's abilities. Throws NOT_FOUND.
 */
export async function getWorkOverview({ actor, workId, db = getDb() }: { actor: Actor; workId: string; db?: Db }): Promise<WorkOverview> {
  assertCan(actor, 'work.read');
  const work = isUuid(workId)
    ? await db.work.findUnique({
        where: { id: workId },
        select: {
          id: true, slug: true, title: true, author: true, dateText: true, sourceLanguage: true, sourceEdition: true, provenance: true, licence: true,
          collection: { select: { id: true, slug: true, title: true } },
        },
      })
    : null;
  if (!work) throw new AppError('NOT_FOUND', 'This work does not exist.');
  const [progress, headings, pageCount] = await Promise.all([
    countLanguageProgress({ db, workIds: [work.id] }),
    db.segment.findMany({
      where: { ...liveSegmentsOf(work.id), kind: 'HEADING' },
      orderBy: { orderKey: 'asc' },
      select: { id: true, level: true, texts: { where: { language: work.sourceLanguage }, select: { publishedRevision: { select: { text: true } } } } },
    }),
    db.pageAnchor.count({ where: { workId: work.id } }),
  ]);
  const resource = { collectionId: work.collection.id };
  return {
    ...work,
    languages: progress.get(work.id) ?? [],
    toc: headings.map((heading) => ({ segmentId: heading.id, level: heading.level, text: heading.texts[0]?.publishedRevision?.text ?? '' })),
    pageCount,
    abilities: {
      canImport: can(actor, 'work.import', resource),
      canEdit: can(actor, 'segment.edit', resource),
      canAlign: can(actor, 'alignment.edit', resource),
      canDownloadOriginal: can(actor, 'upload.download', resource),
    },
  };
}

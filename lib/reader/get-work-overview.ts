import 'server-only';

import { countLanguageProgress } from './count-language-progress';
import type { WorkOverview, WorkPartName, WorkVolumePlace } from './types';
import { assertCan, can, type Actor } from '../auth/permissions';
import { liveSegmentsOf } from '../auth/scope';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/** A work's place in its volume: the volume's title and size, and its neighbours in printed order. */
async function findVolumePlace(db: Db, { volumeId, position, part }: { volumeId: string; position: number; part: WorkPartName }): Promise<WorkVolumePlace | null> {
  const [volume, previous, next] = await Promise.all([
    db.volume.findUnique({ where: { id: volumeId }, select: { id: true, title: true, _count: { select: { works: true } } } }),
    db.work.findFirst({ where: { volumeId, volumePosition: { lt: position } }, orderBy: { volumePosition: 'desc' }, select: { id: true, title: true } }),
    db.work.findFirst({ where: { volumeId, volumePosition: { gt: position } }, orderBy: { volumePosition: 'asc' }, select: { id: true, title: true } }),
  ]);
  if (!volume) return null;
  return { id: volume.id, title: volume.title, part, position, count: volume._count.works, previous, next };
}

/** What every view of a work shows of it: metadata, collection, place in its volume, languages with progress. */
export type WorkDetails = Omit<WorkOverview, 'toc' | 'pageCount' | 'abilities'>;

/**
 * A work's metadata, its place in its volume and its languages with progress (the overview without
 * the table of contents, page count and abilities; the JSONL export's first line). Throws NOT_FOUND.
 */
export async function getWorkDetails({ actor, workId, db = getDb() }: { actor: Actor; workId: string; db?: Db }): Promise<WorkDetails> {
  assertCan(actor, 'work.read');
  const work = isUuid(workId)
    ? await db.work.findUnique({
        where: { id: workId },
        select: {
          id: true, slug: true, title: true, author: true, dateText: true, sourceLanguage: true, sourceEdition: true, provenance: true, sourceUrl: true, tags: true, licence: true,
          collection: { select: { id: true, slug: true, title: true } },
          volumeId: true, volumePosition: true, part: true,
        },
      })
    : null;
  if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
  const { volumeId, volumePosition, part, ...fields } = work;
  const [progress, volume] = await Promise.all([
    countLanguageProgress({ db, workIds: [work.id] }),
    volumeId === null || volumePosition === null ? null : findVolumePlace(db, { volumeId, position: volumePosition, part }),
  ]);
  return { ...fields, volume, languages: progress.get(work.id) ?? [] };
}

/**
 * A work's details ({@link getWorkDetails}), table of contents (its headings in the source
 * language), page count and the actor's abilities. Throws NOT_FOUND.
 */
export async function getWorkOverview({ actor, workId, db = getDb() }: { actor: Actor; workId: string; db?: Db }): Promise<WorkOverview> {
  const work = await getWorkDetails({ actor, workId, db });
  const [headings, pageCount] = await Promise.all([
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
    toc: headings.map((heading) => ({ segmentId: heading.id, level: heading.level, text: heading.texts[0]?.publishedRevision?.text ?? '' })),
    pageCount,
    abilities: {
      canImport: can(actor, 'work.import', resource),
      canEdit: can(actor, 'segment.edit', resource),
      canAlign: can(actor, 'alignment.edit', resource),
      canDownloadOriginal: can(actor, 'upload.download', resource),
      canSuggest: can(actor, 'suggestion.create', resource),
    },
  };
}

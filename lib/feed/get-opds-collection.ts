import 'server-only';

import { OPDS_ACQUISITION_TYPE, OPDS_NAVIGATION_TYPE, writeAtomFeed } from './atom-writer';
import { feedUrls } from './feed-urls';
import { assertCan, type Actor } from '../auth/permissions';
import { getReadDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/**
 * A collection in the OPDS catalogue: a navigation feed with one entry per volume (its works in
 * printed order, as an acquisition feed) and one for the works printed outside a volume. Throws
 * NOT_FOUND.
 */
export async function getOpdsCollection({ actor, origin, collectionId, db = getReadDb() }: { actor: Actor; origin: string; collectionId: string; db?: Db }): Promise<string> {
  assertCan(actor, 'work.read');
  const collection = isUuid(collectionId)
    ? await db.collection.findUnique({
        where: { id: collectionId },
        select: {
          id: true, title: true, description: true, createdAt: true,
          volumes: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, title: true, author: true, dateText: true, createdAt: true, _count: { select: { works: true } }, works: { orderBy: { updatedAt: 'desc' }, take: 1, select: { updatedAt: true } } } },
          works: { where: { volumeId: null }, orderBy: { updatedAt: 'desc' }, take: 1, select: { updatedAt: true } },
          _count: { select: { works: true } },
        },
      })
    : null;
  if (!collection) throw new AppError('NOT_FOUND', 'collection.notFound');
  const urls = feedUrls(origin);
  const self = urls.opdsCollection(collection.id);
  const volumes = collection.volumes.map((volume) => ({
    id: `urn:uuid:${volume.id}`,
    title: volume.title,
    updated: volume.works[0]?.updatedAt ?? volume.createdAt,
    authors: volume.author ? [volume.author] : [],
    summary: [volume.dateText, `${volume._count.works} works in printed order`].filter(Boolean).join(' — '),
    links: [{ rel: 'subsection', href: urls.opdsVolume(volume.id), type: OPDS_ACQUISITION_TYPE }],
  }));
  const loose = collection.works[0];
  const entries = loose
    ? [...volumes, { id: `${urls.opdsCollectionWorks(collection.id)}#feed`, title: 'Works outside a volume', updated: loose.updatedAt, authors: [], summary: 'Works imported on their own, by title.', links: [{ rel: 'subsection', href: urls.opdsCollectionWorks(collection.id), type: OPDS_ACQUISITION_TYPE }] }]
    : volumes;
  return writeAtomFeed({
    id: self,
    title: collection.title,
    ...(collection.description ? { subtitle: collection.description } : {}),
    updated: new Date(Math.max(collection.createdAt.getTime(), ...entries.map((entry) => entry.updated.getTime()))),
    author: { name: 'Interlinear', uri: urls.home },
    links: [
      { rel: 'self', href: self, type: OPDS_NAVIGATION_TYPE },
      { rel: 'start', href: urls.opdsRoot, type: OPDS_NAVIGATION_TYPE },
      { rel: 'up', href: urls.opdsRoot, type: OPDS_NAVIGATION_TYPE },
    ],
    entries,
  });
}

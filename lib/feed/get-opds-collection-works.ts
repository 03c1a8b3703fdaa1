import 'server-only';

import { OPDS_ACQUISITION_TYPE, OPDS_NAVIGATION_TYPE, writeAtomFeed } from './atom-writer';
import { feedUrls } from './feed-urls';
import { loadFeedWorks } from './load-feed-works';
import { workEntry } from './opds-entries';
import { assertCan, type Actor } from '../auth/permissions';
import { FEED_PAGE_SIZE } from '../config/limits';
import { getReadDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/**
 * A collection's works printed outside a volume, by title, as an acquisition feed of
 * {@link FEED_PAGE_SIZE} entries a page, linked to the next and previous pages. Throws NOT_FOUND.
 */
export async function getOpdsCollectionWorks({ actor, origin, collectionId, page, db = getReadDb() }: { actor: Actor; origin: string; collectionId: string; page: number; db?: Db }): Promise<string> {
  assertCan(actor, 'work.read');
  const collection = isUuid(collectionId) ? await db.collection.findUnique({ where: { id: collectionId }, select: { id: true, title: true, createdAt: true } }) : null;
  if (!collection) throw new AppError('NOT_FOUND', 'collection.notFound');
  const urls = feedUrls(origin);
  const where = { collectionId: collection.id, volumeId: null };
  const [works, count] = await Promise.all([
    loadFeedWorks(db, { where, orderBy: [{ title: 'asc' }, { id: 'asc' }], take: FEED_PAGE_SIZE, skip: (page - 1) * FEED_PAGE_SIZE }),
    db.work.count({ where }),
  ]);
  const self = urls.opdsCollectionWorks(collection.id, page);
  const pages = Math.max(1, Math.ceil(count / FEED_PAGE_SIZE));
  return writeAtomFeed({
    id: self,
    title: `${collection.title}: works outside a volume`,
    updated: new Date(Math.max(collection.createdAt.getTime(), ...works.map((work) => work.updatedAt.getTime()))),
    author: { name: 'Interlinear', uri: urls.home },
    links: [
      { rel: 'self', href: self, type: OPDS_ACQUISITION_TYPE },
      { rel: 'start', href: urls.opdsRoot, type: OPDS_NAVIGATION_TYPE },
      { rel: 'up', href: urls.opdsCollection(collection.id), type: OPDS_NAVIGATION_TYPE },
      ...(page > 1 ? [{ rel: 'previous', href: urls.opdsCollectionWorks(collection.id, page - 1), type: OPDS_ACQUISITION_TYPE }] : []),
      ...(page < pages ? [{ rel: 'next', href: urls.opdsCollectionWorks(collection.id, page + 1), type: OPDS_ACQUISITION_TYPE }] : []),
    ],
    entries: works.map((work) => workEntry(urls, work)),
  });
}

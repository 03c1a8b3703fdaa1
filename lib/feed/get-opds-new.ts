import 'server-only';

import { OPDS_ACQUISITION_TYPE, OPDS_NAVIGATION_TYPE, writeAtomFeed } from './atom-writer';
import { feedUrls } from './feed-urls';
import { loadFeedWorks } from './load-feed-works';
import { workEntry } from './opds-entries';
import { assertCan, type Actor } from '../auth/permissions';
import { FEED_PAGE_SIZE } from '../config/limits';
import { getReadDb, type Db } from '../db/client';

/** The OPDS catalogue's newest works (`http://opds-spec.org/sort/new`): an acquisition feed, newest first. */
export async function getOpdsNew({ actor, origin, db = getReadDb() }: { actor: Actor; origin: string; db?: Db }): Promise<string> {
  assertCan(actor, 'work.read');
  const urls = feedUrls(origin);
  const works = await loadFeedWorks(db, { where: {}, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: FEED_PAGE_SIZE });
  return writeAtomFeed({
    id: urls.opdsNew,
    title: 'New in the library',
    updated: new Date(Math.max(0, ...works.map((work) => work.updatedAt.getTime()))),
    author: { name: 'Interlinear', uri: urls.home },
    links: [
      { rel: 'self', href: urls.opdsNew, type: OPDS_ACQUISITION_TYPE },
      { rel: 'start', href: urls.opdsRoot, type: OPDS_NAVIGATION_TYPE },
      { rel: 'up', href: urls.opdsRoot, type: OPDS_NAVIGATION_TYPE },
    ],
    entries: works.map((work) => workEntry(urls, work)),
  });
}

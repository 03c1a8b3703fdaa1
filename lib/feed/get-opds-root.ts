import 'server-only';

import { OPDS_ACQUISITION_TYPE, OPDS_NAVIGATION_TYPE, writeAtomFeed } from './atom-writer';
import { feedUrls } from './feed-urls';
import { assertCan, type Actor } from '../auth/permissions';
import { getReadDb, type Db } from '../db/client';

/**
 * The OPDS catalogue's start: a navigation feed with the newest works first, then one entry per
 * collection leading to its volumes and works. Anyone may read it.
 */
export async function getOpdsRoot({ actor, origin, db = getReadDb() }: { actor: Actor; origin: string; db?: Db }): Promise<string> {
  assertCan(actor, 'work.read');
  const urls = feedUrls(origin);
  const [collections, newest] = await Promise.all([
    db.collection.findMany({
      orderBy: { title: 'asc' },
      select: { id: true, title: true, description: true, createdAt: true, works: { orderBy: { updatedAt: 'desc' }, take: 1, select: { updatedAt: true } }, _count: { select: { works: true, volumes: true } } },
    }),
    db.work.aggregate({ _max: { updatedAt: true } }),
  ]);
  const updated = newest._max.updatedAt ?? new Date(0);
  return writeAtomFeed({
    id: urls.opdsRoot,
    title: 'Interlinear library',
    subtitle: 'Historical texts corrected and translated by volunteers, to read online or take along.',
    updated,
    author: { name: 'Interlinear', uri: urls.home },
    links: [
      { rel: 'self', href: urls.opdsRoot, type: OPDS_NAVIGATION_TYPE },
      { rel: 'start', href: urls.opdsRoot, type: OPDS_NAVIGATION_TYPE },
      { rel: 'alternate', href: urls.home, type: 'text/html' },
      { rel: 'http://opds-spec.org/sort/new', href: urls.opdsNew, type: OPDS_ACQUISITION_TYPE, title: 'New in the library' },
    ],
    entries: [
      {
        id: `${urls.opdsNew}#feed`,
        title: 'New in the library',
        updated,
        authors: [],
        summary: 'The works added most recently, newest first.',
        links: [{ rel: 'http://opds-spec.org/sort/new', href: urls.opdsNew, type: OPDS_ACQUISITION_TYPE }],
      },
      ...collections.map((collection) => ({
        id: `urn:uuid:${collection.id}`,
        title: collection.title,
        updated: collection.works[0]?.updatedAt ?? collection.createdAt,
        authors: [],
        summary: [collection.description, `${collection._count.works} works, ${collection._count.volumes} volumes`].filter(Boolean).join(' — '),
        links: [{ rel: 'subsection', href: urls.opdsCollection(collection.id), type: OPDS_NAVIGATION_TYPE }],
      })),
    ],
  });
}

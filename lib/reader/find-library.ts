import 'server-only';

import { countLanguageProgress } from './count-language-progress';
import type { LibraryCollection } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

const WORK_FIELDS = { id: true, slug: true, title: true, author: true, dateText: true, sourceLanguage: true } as const;

/**
 * Every collection with its volumes (each with its works, front and back matter in printed order)
 * and its works outside a volume (by title), with their language progress, for the library page.
 */
export async function findLibrary({ actor, db = getDb() }: { actor: Actor; db?: Db }): Promise<LibraryCollection[]> {
  assertCan(actor, 'work.read');
  const collections = await db.collection.findMany({
    orderBy: { title: 'asc' },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      volumes: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true, title: true, author: true, dateText: true, sourceEdition: true,
          works: { orderBy: { volumePosition: 'asc' }, select: { ...WORK_FIELDS, volumePosition: true, part: true } },
        },
      },
      works: { where: { volumeId: null }, orderBy: { title: 'asc' }, select: WORK_FIELDS },
    },
  });
  const workIds = collections.flatMap((c) => [...c.works, ...c.volumes.flatMap((v) => v.works)].map((w) => w.id));
  const progress = await countLanguageProgress({ db, workIds });
  const withProgress = <W extends { id: string }>(work: W) => ({ ...work, languages: progress.get(work.id) ?? [] });
  return collections.map((collection) => ({
    ...collection,
    volumes: collection.volumes.map((volume) => ({
      ...volume,
      works: volume.works.map(({ volumePosition, ...work }) => withProgress({ ...work, position: volumePosition ?? 0 })),
    })),
    works: collection.works.map(withProgress),
  }));
}

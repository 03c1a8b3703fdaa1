import 'server-only';

import { countLanguageProgress } from './count-language-progress';
import type { LibraryCollection } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

/** Every collection with its works and their language progress, for the public library page. */
export async function findLibrary({ actor, db = getDb() }: { actor: Actor; db?: Db }): Promise<LibraryCollection[]> {
  assertCan(actor, 'work.read');
  const collections = await db.collection.findMany({
    orderBy: { title: 'asc' },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      works: { orderBy: { title: 'asc' }, select: { id: true, slug: true, title: true, author: true, dateText: true, sourceLanguage: true } },
    },
  });
  const progress = await countLanguageProgress({ db, workIds: collections.flatMap((c) => c.works.map((w) => w.id)) });
  return collections.map((collection) => ({
    ...collection,
    works: collection.works.map((work) => ({ ...work, languages: progress.get(work.id) ?? [] })),
  }));
}

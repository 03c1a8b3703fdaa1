import 'server-only';

import { countLanguageProgress } from './count-language-progress';
import type { LibraryVolume } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/** A volume's contents page: the volume, its collection, and its parts in printed order with their progress. Throws NOT_FOUND. */
export async function getVolume({ actor, volumeId, db = getDb() }: { actor: Actor; volumeId: string; db?: Db }): Promise<LibraryVolume & { collection: { id: string; title: string } }> {
  assertCan(actor, 'work.read');
  const volume = isUuid(volumeId)
    ? await db.volume.findUnique({
        where: { id: volumeId },
        select: {
          id: true, title: true, author: true, dateText: true, sourceEdition: true,
          collection: { select: { id: true, title: true } },
          works: { orderBy: { volumePosition: 'asc' }, select: { id: true, slug: true, title: true, author: true, dateText: true, sourceLanguage: true, volumePosition: true, part: true } },
        },
      })
    : null;
  if (!volume) throw new AppError('NOT_FOUND', 'volume.notFound');
  const progress = await countLanguageProgress({ db, workIds: volume.works.map((work) => work.id) });
  return {
    ...volume,
    works: volume.works.map(({ volumePosition, ...work }) => ({ ...work, position: volumePosition ?? 0, languages: progress.get(work.id) ?? [] })),
  };
}

import 'server-only';

import type { FeedWork } from './opds-entries';
import type { Db, Prisma } from '../db/client';
import { countLanguageProgress } from '../reader/count-language-progress';

/** The works `where` selects, in `orderBy`'s order (at most `take`), with their languages' progress, as feed entries read them. */
export async function loadFeedWorks(db: Db, { where, orderBy, take, skip = 0 }: { where: Prisma.WorkWhereInput; orderBy: Prisma.WorkOrderByWithRelationInput[]; take: number; skip?: number }): Promise<(FeedWork & { createdAt: Date; collection: { title: string } })[]> {
  const works = await db.work.findMany({
    where,
    orderBy,
    take,
    skip,
    select: { id: true, title: true, author: true, dateText: true, sourceLanguage: true, tags: true, createdAt: true, updatedAt: true, collection: { select: { title: true } } },
  });
  const progress = await countLanguageProgress({ db, workIds: works.map((work) => work.id) });
  return works.map((work) => ({ ...work, languages: progress.get(work.id) ?? [] }));
}

import 'server-only';

import { apiWorkSelect, presentWorks } from './present-works';
import type { ApiWork } from './schemas';
import { getReadDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/** One work: metadata, languages with provenance and progress, and its place in its volume. Throws NOT_FOUND. */
export async function getApiWork({ workId, db = getReadDb() }: { workId: string; db?: Db }): Promise<ApiWork> {
  const row = isUuid(workId) ? await db.work.findUnique({ where: { id: workId }, select: apiWorkSelect }) : null;
  if (!row) throw new AppError('NOT_FOUND', 'work.notFound');
  const [work] = await presentWorks(db, [row]);
  if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
  return work;
}

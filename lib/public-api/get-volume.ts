import 'server-only';

import { apiVolumeSelect, presentVolume } from './list-volumes';
import type { ApiVolume } from './schemas';
import { getReadDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';

/** One volume with its works in printed order. Throws NOT_FOUND. */
export async function getApiVolume({ volumeId, db = getReadDb() }: { volumeId: string; db?: Db }): Promise<ApiVolume> {
  const row = isUuid(volumeId) ? await db.volume.findUnique({ where: { id: volumeId }, select: apiVolumeSelect }) : null;
  if (!row) throw new AppError('NOT_FOUND', 'volume.notFound');
  return presentVolume(row);
}

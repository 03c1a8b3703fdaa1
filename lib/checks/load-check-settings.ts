import 'server-only';

import { DEFAULT_CHECK_SETTINGS } from './check-catalog';
import { isCheckId, type CheckSettings } from './types';
import type { Db } from '../db/client';

/** The check settings of some collections: the defaults (all on, none blocking) with each collection's stored rows over them. */
export async function loadCheckSettings(db: Db, collectionIds: readonly string[]): Promise<Map<string, CheckSettings>> {
  const ids = [...new Set(collectionIds)];
  const rows = ids.length === 0 ? [] : await db.checkSetting.findMany({ where: { collectionId: { in: ids } }, select: { collectionId: true, checkId: true, isEnabled: true, isBlocking: true } });
  const settings = new Map<string, CheckSettings>(ids.map((id) => [id, structuredClone(DEFAULT_CHECK_SETTINGS)]));
  for (const row of rows) {
    const collection = settings.get(row.collectionId);
    // A row of a check this version no longer has is ignored (the table's constraint lists the known ones).
    if (collection && isCheckId(row.checkId)) collection[row.checkId] = { isEnabled: row.isEnabled, isBlocking: row.isEnabled && row.isBlocking };
  }
  return settings;
}

/** {@link loadCheckSettings} for one collection. */
export async function loadCollectionCheckSettings(db: Db, collectionId: string): Promise<CheckSettings> {
  return (await loadCheckSettings(db, [collectionId])).get(collectionId) ?? structuredClone(DEFAULT_CHECK_SETTINGS);
}

import 'server-only';

import { loadCollectionCheckSettings } from './load-check-settings';
import { checkSettingsInput, type CheckSettingsInput } from './schemas';
import type { CheckSettings } from './types';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { getDb, withTransaction, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';

/**
 * Sets some quality checks of a collection: each on or off, and blocking or not (a check switched
 * off never blocks). Only the checks that change are written, and recorded in one
 * `check.settings_changed` audit event. Returns the collection's settings as they are now.
 * NOT_FOUND for an unknown collection; UNAUTHENTICATED/FORBIDDEN without `check.configure` there.
 */
export async function updateCheckSettings({ actor, input, db = getDb() }: { actor: Actor; input: CheckSettingsInput; db?: Db }): Promise<CheckSettings> {
  const { collectionId, settings } = parseInput(checkSettingsInput, input);
  return withTransaction(db, async (tx) => {
    const collection = await tx.collection.findUnique({ where: { id: collectionId }, select: { id: true } });
    if (!collection) throw new AppError('NOT_FOUND', 'collection.notFoundThat');
    assertCan(actor, 'check.configure', { collectionId });
    const current = await loadCollectionCheckSettings(tx, collectionId);
    const updatedById = actorUserId(actor);
    const changes: { check: string; isEnabled: boolean; isBlocking: boolean }[] = [];
    for (const setting of settings) {
      const next = { isEnabled: setting.isEnabled, isBlocking: setting.isEnabled && setting.isBlocking };
      if (current[setting.check].isEnabled === next.isEnabled && current[setting.check].isBlocking === next.isBlocking) continue;
      await tx.checkSetting.upsert({
        where: { collectionId_checkId: { collectionId, checkId: setting.check } },
        create: { collectionId, checkId: setting.check, ...next, updatedById },
        update: { ...next, updatedById, updatedAt: new Date() },
      });
      current[setting.check] = next;
      changes.push({ check: setting.check, ...next });
    }
    if (changes.length > 0) await recordAuditEvent({ db: tx, type: 'check.settings_changed', actorId: updatedById, collectionId, data: { changes } });
    return current;
  });
}

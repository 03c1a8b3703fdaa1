import 'server-only';

import { safeParseNotification, type TypedNotification } from './notification-data';
import { actorUserId, type Actor } from '../auth/permissions';
import type { Db } from '../db/client';

export type CreateNotificationsOptions = TypedNotification & {
  /** The transaction of the change the notifications tell about, so both commit or neither. */
  db: Db;
  /** Who caused them: never notified of their own doing. */
  actor: Actor;
  recipientIds: readonly (string | null | undefined)[];
};

/**
 * Writes one notification of `type` for each distinct recipient except the actor, its data
 * checked against the type's schema (data of another shape is a defect of the caller: a plain
 * Error, which rolls the change back). Returns the ids of the users notified.
 */
export async function createNotifications({ db, actor, recipientIds, type, data }: CreateNotificationsOptions): Promise<string[]> {
  const actorId = actorUserId(actor);
  const userIds = [...new Set(recipientIds.filter((id): id is string => typeof id === 'string' && id !== actorId))];
  if (userIds.length === 0) return [];
  const parsed = safeParseNotification({ type, data });
  if (!parsed.isReadable) throw new Error(`Notification ${type} with data of the wrong shape: ${parsed.problem}`);
  await db.notification.createMany({ data: userIds.map((userId) => ({ userId, type, data: parsed.notification.data })) });
  return userIds;
}

import 'server-only';

import type { CommentNotificationData, NotificationType, SuggestionNotificationData } from './types';
import { actorUserId, type Actor } from '../auth/permissions';
import type { Db, Prisma } from '../db/client';

export interface CreateNotificationsOptions {
  /** The transaction of the change the notifications tell about, so both commit or neither. */
  db: Db;
  /** Who caused them: never notified of their own doing. */
  actor: Actor;
  recipientIds: readonly (string | null | undefined)[];
  type: NotificationType;
  data: CommentNotificationData | SuggestionNotificationData;
}

/**
 * Writes one notification of `type` for each distinct recipient except the actor. Returns the
 * ids of the users notified.
 */
export async function createNotifications({ db, actor, recipientIds, type, data }: CreateNotificationsOptions): Promise<string[]> {
  const actorId = actorUserId(actor);
  const userIds = [...new Set(recipientIds.filter((id): id is string => typeof id === 'string' && id !== actorId))];
  if (userIds.length === 0) return [];
  await db.notification.createMany({ data: userIds.map((userId) => ({ userId, type, data: data as unknown as Prisma.InputJsonValue })) });
  return userIds;
}

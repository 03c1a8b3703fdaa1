import 'server-only';

import { mentionableWhere } from './mentionable-users';
import { mentionableInput } from './schemas';
import type { MentionableUser } from './types';
import { actorUserId, assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';
import { parseInput } from '../errors/parse-input';
import { loadSegmentContext } from '../segment/segment-context';

/** How many people the mention autocomplete offers at once. */
const MAX_SUGGESTIONS = 8;

/**
 * People whose name contains `q` and who can be mentioned in the segment's discussion (see
 * {@link mentionableWhere}), by name, the actor left out: the composer's autocomplete. Names
 * only, never e-mail addresses. Throws NOT_FOUND, UNAUTHENTICATED / FORBIDDEN (`comment.create`).
 */
export async function findMentionableUsers({ actor, segmentId, q = '', db = getDb() }: { actor: Actor; segmentId: string; q?: string; db?: Db }): Promise<MentionableUser[]> {
  const { q: query } = parseInput(mentionableInput, { segmentId, q });
  const context = await loadSegmentContext(db, segmentId);
  assertCan(actor, 'comment.create', { collectionId: context.collectionId });
  const actorId = actorUserId(actor);
  return db.user.findMany({
    where: {
      AND: [
        mentionableWhere({ workId: context.workId, collectionId: context.collectionId }),
        ...(query.trim() ? [{ name: { contains: query.trim(), mode: 'insensitive' as const } }] : []),
        ...(actorId ? [{ id: { not: actorId } }] : []),
      ],
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: MAX_SUGGESTIONS,
    select: { id: true, name: true },
  });
}

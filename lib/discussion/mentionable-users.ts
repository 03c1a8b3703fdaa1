import 'server-only';

import { parseMentions, rewriteMentions } from './mentions';
import type { Db, Prisma } from '../db/client';

/**
 * Who may be mentioned in the discussions of a work — the people taking part in it: the site's
 * administrators (they run every collection), the editors and admins of its collection, whoever
 * imported the work or a text of it (a translation, a re-import), and everyone who has commented
 * on or suggested a text for the work. Disabled accounts never. Mentions of anyone else are kept
 * as text and notify no one, so a comment cannot be used to reach arbitrary accounts.
 */
export function mentionableWhere({ workId, collectionId }: { workId: string; collectionId: string }): Prisma.UserWhereInput {
  return {
    disabledAt: null,
    OR: [
      { siteRole: 'ADMIN' },
      { memberships: { some: { collectionId } } },
      { works: { some: { id: workId } } },
      { uploads: { some: { workId } } },
      { comments: { some: { workId } } },
      { suggestions: { some: { workId } } },
    ],
  };
}

/**
 * Resolves the mention tokens of a body: returns the body with each token naming a mentionable
 * user rewritten to their current name (the others turned into plain text) and the ids mentioned.
 */
export async function resolveMentions(db: Db, { body, workId, collectionId }: { body: string; workId: string; collectionId: string }): Promise<{ body: string; mentionIds: string[] }> {
  const mentioned = parseMentions(body);
  if (mentioned.length === 0) return { body, mentionIds: [] };
  const users = await db.user.findMany({
    where: { AND: [{ id: { in: mentioned.map((mention) => mention.userId) } }, mentionableWhere({ workId, collectionId })] },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((user) => [user.id, user.name]));
  return { body: rewriteMentions(body, names), mentionIds: mentioned.map((mention) => mention.userId).filter((id) => names.has(id)) };
}

import 'server-only';

import { createNotifications } from './create-notifications';
import { oneLineExcerpt } from './excerpt';
import { actorUserId, type Actor } from '../auth/permissions';
import type { Prisma } from '../db/client';

export interface NotifySuggestionOutcomeOptions {
  tx: Prisma.TransactionClient;
  actor: Actor;
  type: 'suggestion.approved' | 'suggestion.validated' | 'suggestion.rejected';
  suggestion: { id: string; authorId: string | null; segmentId: string; workId: string; language: string; text: string };
  status: 'APPROVED' | 'PUBLISHED' | 'REJECTED';
  rejection?: { reason: string; note: string };
}

/**
 * Tells a suggestion's author what a reviewer decided, in the reviewer's transaction. Nothing is
 * written when the suggestion has no author (the account is gone) or the author decided it
 * themself (an admin approving their own suggestion where the collection allows it).
 */
export async function notifySuggestionOutcome({ tx, actor, type, suggestion, status, rejection }: NotifySuggestionOutcomeOptions): Promise<void> {
  if (!suggestion.authorId || suggestion.authorId === actorUserId(actor)) return;
  const work = await tx.work.findUniqueOrThrow({ where: { id: suggestion.workId }, select: { title: true } });
  await createNotifications({
    db: tx,
    actor,
    recipientIds: [suggestion.authorId],
    type,
    data: {
      suggestionId: suggestion.id,
      segmentId: suggestion.segmentId,
      workId: suggestion.workId,
      workTitle: work.title,
      language: suggestion.language,
      actor: actor.kind === 'user' ? { id: actor.id, name: actor.name } : null,
      status,
      excerpt: oneLineExcerpt(suggestion.text),
      ...(rejection ? { reason: rejection.reason, note: rejection.note } : {}),
    },
  });
}

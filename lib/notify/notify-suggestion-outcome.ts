import 'server-only';

import { createNotifications } from './create-notifications';
import { oneLineExcerpt } from './excerpt';
import { actorUserId, type Actor } from '../auth/permissions';
import { MAX_NOTIFIED_TURNED_DOWN } from '../config/limits';
import type { Prisma } from '../db/client';

export interface NotifySuggestionOutcomeOptions {
  tx: Prisma.TransactionClient;
  actor: Actor;
  type: 'suggestion.approved' | 'suggestion.validated' | 'suggestion.rejected';
  suggestion: { id: string; authorId: string | null; segmentId: string; workId: string; language: string; text: string };
  status: 'APPROVED' | 'PUBLISHED' | 'REJECTED';
  rejection?: { reason: string; note: string };
  /** The changes the reviewer turned down while approving the rest, with their reasons. */
  turnedDown?: readonly { excerpt: string; reason: string; note: string }[];
}

/** How much of a turned-down change and of its note the notification keeps (characters). */
const TURNED_DOWN_EXCERPT_CHARS = 80;
const TURNED_DOWN_NOTE_CHARS = 160;

/**
 * Tells a suggestion's author what a reviewer decided, in the reviewer's transaction: for a
 * partial approval, which changes were turned down and why (the first MAX_NOTIFIED_TURNED_DOWN of
 * them, each cut to one line, with the total). Nothing is written when the suggestion has no
 * author (the account is gone) or the author decided it themself (an admin approving their own
 * suggestion where the collection allows it).
 */
export async function notifySuggestionOutcome({ tx, actor, type, suggestion, status, rejection, turnedDown = [] }: NotifySuggestionOutcomeOptions): Promise<void> {
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
      ...(turnedDown.length > 0
        ? {
            turnedDown: turnedDown.slice(0, MAX_NOTIFIED_TURNED_DOWN).map((change) => ({
              excerpt: oneLineExcerpt(change.excerpt, TURNED_DOWN_EXCERPT_CHARS),
              reason: change.reason,
              note: oneLineExcerpt(change.note, TURNED_DOWN_NOTE_CHARS),
            })),
            turnedDownCount: turnedDown.length,
          }
        : {}),
    },
  });
}

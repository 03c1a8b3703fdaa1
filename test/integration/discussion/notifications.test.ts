import { beforeAll, describe, expect, it } from 'vitest';

import { ANONYMOUS, type Actor } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { createComment } from '../../../lib/discussion/create-comment';
import { countUnreadNotifications } from '../../../lib/notify/count-unread-notifications';
import { createNotifications } from '../../../lib/notify/create-notifications';
import { findNotifications } from '../../../lib/notify/find-notifications';
import { markNotificationsRead } from '../../../lib/notify/mark-notifications-read';
import { notificationHref, type SuggestionNotification } from '../../../lib/notify/types';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion, rejectSuggestion } from '../../../lib/review/decide-suggestion';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';

type UserActor = Actor & { kind: 'user' };

describe('notifications', () => {
  let collectionId: string;
  let workId: string;
  let segmentIds: string[];
  let volunteer: UserActor;
  let editor: UserActor;
  let secondEditor: UserActor;
  let admin: UserActor;

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    workId = (await buildWork({ collectionId, title: 'Notified Work', text: '# Title\n\nThe first sentence. The second sentence. The third sentence. The fourth sentence.\n' })).workId;
    segmentIds = (await getDb().segment.findMany({ where: { workId, kind: { not: 'PARAGRAPH' } }, orderBy: { orderKey: 'asc' }, select: { id: true } })).map((s) => s.id);
    volunteer = (await buildUser({ name: 'Val Volunteer' })).actor as UserActor;
    editor = (await grantRole((await buildUser({ name: 'Ed One' })).id, collectionId, 'EDITOR')) as UserActor;
    secondEditor = (await grantRole((await buildUser({ name: 'Ed Two' })).id, collectionId, 'EDITOR')) as UserActor;
    admin = (await grantRole((await buildUser({ name: 'Ada Admin' })).id, collectionId, 'ADMIN')) as UserActor;
  });

  const suggest = async (actor: Actor, index: number, text: string) => {
    const segmentId = segmentIds[index] as string;
    const base = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId, language: 'en' } }, select: { publishedRevisionId: true } });
    return createSuggestion({ actor, input: { segmentId, language: 'en', text, baseRevisionId: base.publishedRevisionId } });
  };
  const outcomes = async (actor: Actor, suggestionId: string) =>
    (await findNotifications({ actor, input: { limit: 100 } })).items.filter((item): item is SuggestionNotification => item.type.startsWith('suggestion.') && (item as SuggestionNotification).data.suggestionId === suggestionId);

  it('tells the author that their suggestion was approved and published, in the reviewer’s transaction', async () => {
    const { suggestionId } = await suggest(volunteer, 1, 'The first sentence, corrected.');
    await approveSuggestion({ actor: editor, input: { suggestionId } });
    const [notification, ...rest] = await outcomes(volunteer, suggestionId);
    expect(rest).toEqual([]);
    expect(notification).toMatchObject({
      type: 'suggestion.approved',
      isRead: false,
      data: { suggestionId, segmentId: segmentIds[1], workId, workTitle: 'Notified Work', language: 'en', status: 'PUBLISHED', excerpt: 'The first sentence, corrected.', actor: { id: editor.id, name: 'Ed One' } },
    });
    expect(notificationHref(notification as SuggestionNotification)).toBe(`/s/${segmentIds[1]}/discussion?lang=en`);
    expect(await outcomes(editor, suggestionId)).toEqual([]);
  });

  it('tells the author of a rejection with its reason and note', async () => {
    const { suggestionId } = await suggest(volunteer, 2, 'The second sentance.');
    await rejectSuggestion({ actor: editor, input: { suggestionId, reason: 'STYLE', note: '  Spelling.  ' } });
    expect((await outcomes(volunteer, suggestionId)).map((item) => [item.type, item.data.status, item.data.reason, item.data.note])).toEqual([['suggestion.rejected', 'REJECTED', 'STYLE', 'Spelling.']]);
  });

  it('tells the author of a partial approval which changes were turned down and why, once', async () => {
    const { suggestionId } = await suggest(volunteer, 1, 'The first line, corrected twice.');
    const published = 'The first line, corrected.';
    const base = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId: segmentIds[1] as string, language: 'en' } }, select: { publishedRevisionId: true } });
    await approveSuggestion({
      actor: editor,
      input: { suggestionId, text: published, expectedRevisionId: base.publishedRevisionId, hunkRejections: [{ excerpt: '∅ → twice', reason: 'NOT_IN_ORIGINAL', note: '' }] },
    });
    const [approved] = await outcomes(volunteer, suggestionId);
    expect(approved?.data).toMatchObject({ status: 'PUBLISHED', excerpt: published, turnedDown: [{ excerpt: '∅ → twice', reason: 'NOT_IN_ORIGINAL', note: '' }], turnedDownCount: 1 });

    // Many changes turned down: the first ones, cut to a line each, and the total.
    const long = { excerpt: `${'word '.repeat(40)}→ other`, reason: 'OTHER' as const, note: `Because ${'really '.repeat(60)}so.` };
    const many = Array.from({ length: 12 }, (_, index) => (index === 0 ? long : { excerpt: `w${index} → v${index}`, reason: 'STYLE' as const, note: '' }));
    await getDb().collection.update({ where: { id: collectionId }, data: { reviewPolicy: 'DOUBLE' } });
    try {
      const second = await suggest(volunteer, 1, 'The first line, corrected at last.');
      await approveSuggestion({ actor: editor, input: { suggestionId: second.suggestionId, text: published, expectedRevisionId: (await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId: segmentIds[1] as string, language: 'en' } }, select: { publishedRevisionId: true } })).publishedRevisionId, hunkRejections: many } });
      await approveSuggestion({ actor: secondEditor, input: { suggestionId: second.suggestionId } });
      const [validated, firstApproval] = await outcomes(volunteer, second.suggestionId);
      expect(firstApproval?.data).toMatchObject({ status: 'APPROVED', turnedDownCount: 12 });
      const listed = firstApproval?.data.turnedDown ?? [];
      expect(listed).toHaveLength(10);
      expect(listed[0]?.excerpt.length).toBeLessThanOrEqual(80);
      expect(listed[0]?.note).toMatch(/^Because really .*…$/);
      expect(listed[0]?.note.length).toBeLessThanOrEqual(160);
      expect(listed[9]).toEqual({ excerpt: 'w9 → v9', reason: 'STYLE', note: '' });
      // The validation publishes what the first reviewer approved: the author was told already.
      expect(validated).toMatchObject({ type: 'suggestion.validated' });
      expect(validated?.data.turnedDown).toBeUndefined();
    } finally {
      await getDb().collection.update({ where: { id: collectionId }, data: { reviewPolicy: 'SINGLE' } });
    }
  });

  it('tells the author of the first approval and of the validation with two review levels', async () => {
    await getDb().collection.update({ where: { id: collectionId }, data: { reviewPolicy: 'DOUBLE' } });
    try {
      const { suggestionId } = await suggest(volunteer, 3, 'The third sentence, twice reviewed.');
      await approveSuggestion({ actor: editor, input: { suggestionId } });
      await approveSuggestion({ actor: secondEditor, input: { suggestionId } });
      expect((await outcomes(volunteer, suggestionId)).map((item) => [item.type, item.data.status, item.data.actor?.name])).toEqual([
        ['suggestion.validated', 'PUBLISHED', 'Ed Two'],
        ['suggestion.approved', 'APPROVED', 'Ed One'],
      ]);
    } finally {
      await getDb().collection.update({ where: { id: collectionId }, data: { reviewPolicy: 'SINGLE' } });
    }
  });

  it('never notifies the actor of their own doing', async () => {
    await getDb().collection.update({ where: { id: collectionId }, data: { allowSelfApproval: true } });
    try {
      const { suggestionId } = await suggest(admin, 4, 'The fourth sentence, by the admin.');
      await approveSuggestion({ actor: admin, input: { suggestionId } });
      expect(await outcomes(admin, suggestionId)).toEqual([]);
    } finally {
      await getDb().collection.update({ where: { id: collectionId }, data: { allowSelfApproval: false } });
    }
  });

  it('leaves a damaged notification out of the list, and refuses to write one', async () => {
    const reader = (await buildUser({ name: 'Dee Damaged' })).actor as UserActor;
    const root = await createComment({ actor: reader, input: { segmentId: segmentIds[0] as string, body: 'A question.' } });
    await createComment({ actor: editor, input: { segmentId: segmentIds[0] as string, body: 'An answer.', replyToId: root.id } });
    await getDb().notification.createMany({
      data: [
        { userId: reader.id, type: 'comment.reply', data: { commentId: root.id, excerpt: 'no thread, no segment' } },
        { userId: reader.id, type: 'comment.liked', data: {} },
      ],
    });
    const { items, unreadCount } = await findNotifications({ actor: reader, input: { limit: 100 } });
    expect(items.map((item) => [item.type, item.data.excerpt])).toEqual([['comment.reply', 'An answer.']]);
    expect(unreadCount).toBe(3);

    const written = createNotifications({
      db: getDb(),
      actor: editor,
      recipientIds: [reader.id],
      type: 'suggestion.rejected',
      // @ts-expect-error: a suggestion's outcome names the suggestion
      data: { segmentId: segmentIds[0] as string, workId, workTitle: 'Notified Work', language: 'en', actor: null, status: 'REJECTED', excerpt: '' },
    });
    await expect(written).rejects.toThrow(/suggestionId/);
    expect(await getDb().notification.count({ where: { userId: reader.id } })).toBe(3);
  });

  it('pages one’s notifications newest first, counts the unread ones and marks one or all as read', async () => {
    const reader = (await buildUser({ name: 'Pat Pager' })).actor as UserActor;
    const root = await createComment({ actor: reader, input: { segmentId: segmentIds[0] as string, body: 'Start.' } });
    for (let index = 0; index < 5; index += 1) {
      await createComment({ actor: index % 2 === 0 ? editor : volunteer, input: { segmentId: segmentIds[0] as string, body: `Reply ${index}`, replyToId: root.id } });
    }
    expect(await countUnreadNotifications({ actor: reader })).toBe(5);
    const first = await findNotifications({ actor: reader, input: { limit: 2 } });
    expect(first.unreadCount).toBe(5);
    const second = await findNotifications({ actor: reader, input: { limit: 2, before: first.next ?? undefined } });
    const third = await findNotifications({ actor: reader, input: { limit: 2, before: second.next ?? undefined } });
    expect(third.next).toBeNull();
    const excerpts = [...first.items, ...second.items, ...third.items].map((item) => (item.data as { excerpt: string }).excerpt);
    expect(excerpts).toEqual(['Reply 4', 'Reply 3', 'Reply 2', 'Reply 1', 'Reply 0']);

    // Someone else's ids change nothing.
    expect(await markNotificationsRead({ actor: volunteer, input: { ids: [first.items[0]?.id as string] } })).toMatchObject({ updated: 0 });
    expect(await markNotificationsRead({ actor: reader, input: { ids: [first.items[0]?.id as string] } })).toEqual({ updated: 1, unreadCount: 4 });
    expect((await findNotifications({ actor: reader, input: { unread: true, limit: 100 } })).items).toHaveLength(4);
    expect(await markNotificationsRead({ actor: reader, input: { all: true } })).toEqual({ updated: 4, unreadCount: 0 });
    expect(await countUnreadNotifications({ actor: reader })).toBe(0);
    expect((await findNotifications({ actor: reader })).items.every((item) => item.isRead)).toBe(true);

    expect(await errorCodeOf(findNotifications({ actor: ANONYMOUS }))).toBe('UNAUTHENTICATED');
    expect(await errorCodeOf(markNotificationsRead({ actor: ANONYMOUS, input: { all: true } }))).toBe('UNAUTHENTICATED');
    expect(await errorCodeOf(markNotificationsRead({ actor: reader, input: {} }))).toBe('INVALID_INPUT');
    expect(await countUnreadNotifications({ actor: ANONYMOUS })).toBe(0);
  });
});

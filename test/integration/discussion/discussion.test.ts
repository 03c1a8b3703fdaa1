import { beforeAll, describe, expect, it } from 'vitest';

import { loadActor } from '../../../lib/auth/load-actor';
import { ANONYMOUS, type Actor } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { createComment } from '../../../lib/discussion/create-comment';
import { deleteComment } from '../../../lib/discussion/delete-comment';
import { findMentionableUsers } from '../../../lib/discussion/find-mentionable-users';
import { findSegmentThreads } from '../../../lib/discussion/find-segment-threads';
import { findWorkThreads } from '../../../lib/discussion/find-work-threads';
import { mentionToken } from '../../../lib/discussion/mentions';
import { reopenThread, resolveThread } from '../../../lib/discussion/resolve-thread';
import { updateComment } from '../../../lib/discussion/update-comment';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { findNotifications } from '../../../lib/notify/find-notifications';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';

type UserActor = Actor & { kind: 'user' };

const notificationsOf = async (actor: Actor) => (await findNotifications({ actor, input: { limit: 100 } })).items;

describe('segment discussions', () => {
  let collectionId: string;
  let workId: string;
  let segmentIds: string[];
  let ada: UserActor;
  let bo: UserActor;
  let cy: UserActor;
  let editor: UserActor;
  let outsider: UserActor;

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    workId = (await buildWork({ collectionId, text: '# Title\n\nThe first sentence. The second sentence. The third sentence. The fourth sentence.\n' })).workId;
    segmentIds = (await getDb().segment.findMany({ where: { workId, kind: { not: 'PARAGRAPH' } }, orderBy: { orderKey: 'asc' }, select: { id: true } })).map((s) => s.id);
    ada = (await buildUser({ name: 'Ada Lovelace' })).actor as UserActor;
    bo = (await buildUser({ name: 'Bo Builder' })).actor as UserActor;
    cy = (await buildUser({ name: 'Cy Reader' })).actor as UserActor;
    outsider = (await buildUser({ name: 'Odd Outsider' })).actor as UserActor;
    editor = (await grantRole((await buildUser({ name: 'Eve Editor' })).id, collectionId, 'EDITOR')) as UserActor;
  });

  const segment = (index: number) => segmentIds[index] as string;

  it('starts a thread, threads replies (a reply to a reply joins the same thread) and lists them with author names', async () => {
    const root = await createComment({ actor: ada, input: { segmentId: segment(1), body: '  Is “first” right here?  ' } });
    expect(root).toMatchObject({ threadId: root.id, body: 'Is “first” right here?', author: { id: ada.id, name: 'Ada Lovelace' }, canEdit: true, canDelete: true });
    const reply = await createComment({ actor: bo, input: { segmentId: segment(1), body: 'I think so.', replyToId: root.id } });
    const replyToReply = await createComment({ actor: ada, input: { segmentId: segment(1), body: 'Thanks.', replyToId: reply.id } });
    expect(replyToReply.threadId).toBe(root.id);
    const stored = await getDb().comment.findMany({ where: { id: { in: [root.id, reply.id, replyToReply.id] } }, select: { id: true, threadId: true, workId: true, collectionId: true } });
    expect(stored.find((row) => row.id === root.id)).toMatchObject({ threadId: null, workId, collectionId });
    expect(stored.filter((row) => row.id !== root.id).map((row) => row.threadId)).toEqual([root.id, root.id]);

    const threads = await findSegmentThreads({ actor: ANONYMOUS, segmentId: segment(1) });
    expect(threads).toHaveLength(1);
    expect(threads[0]?.comments.map((comment) => [comment.author?.name, comment.body])).toEqual([
      ['Ada Lovelace', 'Is “first” right here?'],
      ['Bo Builder', 'I think so.'],
      ['Ada Lovelace', 'Thanks.'],
    ]);
    // Anonymous readers see the discussion but may do nothing with it.
    expect(threads[0]).toMatchObject({ canReply: false, canResolve: false });
    expect(threads[0]?.comments.every((comment) => !comment.canEdit && !comment.canDelete)).toBe(true);
  });

  it('refuses anonymous writers, empty and overlong bodies, replies across segments and languages the work lacks', async () => {
    expect(await errorCodeOf(createComment({ actor: ANONYMOUS, input: { segmentId: segment(2), body: 'Hello' } }))).toBe('UNAUTHENTICATED');
    expect(await errorCodeOf(createComment({ actor: ada, input: { segmentId: segment(2), body: '   ' } }))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(createComment({ actor: ada, input: { segmentId: segment(2), body: 'x'.repeat(5_001) } }))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(createComment({ actor: ada, input: { segmentId: segment(2), body: 'Bonjour', language: 'fr' } }))).toBe('INVALID_INPUT');
    const other = await createComment({ actor: ada, input: { segmentId: segment(2), body: 'About the English.', language: 'en' } });
    expect(await errorCodeOf(createComment({ actor: bo, input: { segmentId: segment(3), body: 'Wrong place', replyToId: other.id } }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(createComment({ actor: ada, input: { segmentId: '00000000-0000-7000-8000-000000000000', body: 'Nowhere' } }))).toBe('NOT_FOUND');
    // A reply takes its thread's language, whatever it asks for.
    const reply = await createComment({ actor: bo, input: { segmentId: segment(2), body: 'Agreed.', replyToId: other.id, language: null } });
    expect((await getDb().comment.findUniqueOrThrow({ where: { id: reply.id }, select: { language: true } })).language).toBe('en');
  });

  it('edits only one’s own comment, marking it edited', async () => {
    const comment = await createComment({ actor: bo, input: { segmentId: segment(3), body: 'Typo hre.' } });
    expect(comment.editedAt).toBeNull();
    expect(await errorCodeOf(updateComment({ actor: ada, input: { commentId: comment.id, body: 'Hijacked' } }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(updateComment({ actor: editor, input: { commentId: comment.id, body: 'Moderated' } }))).toBe('FORBIDDEN');
    const edited = await updateComment({ actor: bo, input: { commentId: comment.id, body: 'Typo here.' } });
    expect(edited).toMatchObject({ body: 'Typo here.' });
    expect(edited.editedAt).not.toBeNull();
  });

  it('resolves and reopens threads: their author or a moderator, never another volunteer', async () => {
    const root = await createComment({ actor: ada, input: { segmentId: segment(0), body: 'Should the title be in capitals?' } });
    const reply = await createComment({ actor: bo, input: { segmentId: segment(0), body: 'No.', replyToId: root.id } });
    expect(await errorCodeOf(resolveThread({ actor: bo, input: { commentId: root.id } }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(resolveThread({ actor: ANONYMOUS, input: { commentId: root.id } }))).toBe('UNAUTHENTICATED');
    // Any comment of the thread names it.
    expect(await resolveThread({ actor: ada, input: { commentId: reply.id } })).toMatchObject({ threadId: root.id, isResolved: true });
    expect(await errorCodeOf(resolveThread({ actor: ada, input: { commentId: root.id } }))).toBe('CONFLICT');
    expect(await errorCodeOf(createComment({ actor: bo, input: { segmentId: segment(0), body: 'One more thing', replyToId: root.id } }))).toBe('CONFLICT');
    expect(await errorCodeOf(reopenThread({ actor: bo, input: { commentId: root.id } }))).toBe('FORBIDDEN');
    expect(await reopenThread({ actor: editor, input: { commentId: root.id } })).toMatchObject({ isResolved: false, resolvedAt: null });
    expect(await resolveThread({ actor: editor, input: { commentId: root.id } })).toMatchObject({ isResolved: true });

    const [thread] = await findSegmentThreads({ actor: ada, segmentId: segment(0) });
    expect(thread).toMatchObject({ isResolved: true, resolvedBy: { name: 'Eve Editor' }, canReply: false, canResolve: true });
    const events = await getDb().auditEvent.findMany({ where: { workId, type: { in: ['comment.resolved', 'comment.reopened'] } }, orderBy: { id: 'asc' }, select: { type: true, actorId: true, data: true } });
    expect(events.map((event) => [event.type, event.actorId])).toEqual([
      ['comment.resolved', ada.id],
      ['comment.reopened', editor.id],
      ['comment.resolved', editor.id],
    ]);
    expect(events[0]?.data).toMatchObject({ threadId: root.id, segmentId: segment(0) });
  });

  it('keeps a deleted comment’s place without its text; authors delete their own, moderators anyone’s', async () => {
    const root = await createComment({ actor: cy, input: { segmentId: segment(3), body: 'A question.' } });
    const middle = await createComment({ actor: ada, input: { segmentId: segment(3), body: 'Something regrettable.', replyToId: root.id } });
    const last = await createComment({ actor: bo, input: { segmentId: segment(3), body: 'An answer.', replyToId: root.id } });
    expect(await errorCodeOf(deleteComment({ actor: bo, input: { commentId: middle.id } }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(deleteComment({ actor: ANONYMOUS, input: { commentId: middle.id } }))).toBe('UNAUTHENTICATED');
    await deleteComment({ actor: editor, input: { commentId: middle.id } });
    await deleteComment({ actor: bo, input: { commentId: last.id } });
    expect(await errorCodeOf(deleteComment({ actor: bo, input: { commentId: last.id } }))).toBe('CONFLICT');
    expect(await errorCodeOf(updateComment({ actor: bo, input: { commentId: last.id, body: 'Back' } }))).toBe('CONFLICT');

    const thread = (await findSegmentThreads({ actor: ada, segmentId: segment(3) })).find((entry) => entry.id === root.id);
    expect(thread?.comments.map((comment) => [comment.id, comment.isDeleted, comment.body, comment.author?.name ?? null])).toEqual([
      [root.id, false, 'A question.', 'Cy Reader'],
      [middle.id, true, '', null],
      [last.id, true, '', null],
    ]);
    expect((await getDb().comment.findUniqueOrThrow({ where: { id: middle.id }, select: { body: true, deletedAt: true } })).body).toBe('');
    const events = await getDb().auditEvent.findMany({ where: { type: 'comment.deleted', workId }, orderBy: { id: 'asc' }, select: { actorId: true, data: true } });
    expect(events.map((event) => [event.actorId, (event.data as { commentId: string }).commentId, (event.data as { isOwn: boolean }).isOwn])).toEqual([
      [editor.id, middle.id, false],
      [bo.id, last.id, true],
    ]);

    // A thread whose every comment is deleted leaves the list.
    const lonely = await createComment({ actor: cy, input: { segmentId: segment(3), body: 'Never mind.' } });
    await deleteComment({ actor: cy, input: { commentId: lonely.id } });
    expect((await findSegmentThreads({ actor: ada, segmentId: segment(3) })).map((entry) => entry.id)).not.toContain(lonely.id);
  });

  it('resolves mentions of people taking part, keeps others as text, and notifies each once', async () => {
    // Bo and Ada have commented on this work; Eve edits the collection; the outsider has done nothing here.
    const body = `${mentionToken({ userId: bo.id, name: 'Bob (old name)' })} and ${mentionToken({ userId: editor.id, name: 'Eve Editor' })}, also ${mentionToken({ userId: outsider.id, name: 'Odd Outsider' })}: look.`;
    const comment = await createComment({ actor: ada, input: { segmentId: segment(4), body } });
    expect(comment.body).toBe(`@[Bo Builder](${bo.id}) and @[Eve Editor](${editor.id}), also @Odd Outsider: look.`);
    expect(new Set(comment.mentionIds)).toEqual(new Set([bo.id, editor.id]));
    expect((await notificationsOf(outsider)).length).toBe(0);

    const boMention = (await notificationsOf(bo)).find((item) => item.type === 'comment.mention' && item.data.segmentId === segment(4));
    expect(boMention?.data).toMatchObject({ commentId: comment.id, threadId: comment.id, actor: { id: ada.id, name: 'Ada Lovelace' }, excerpt: '@Bo Builder and @Eve Editor, also @Odd Outsider: look.' });
    expect(boMention?.isRead).toBe(false);

    // Bo replies: Ada (a participant) gets a reply notification; Cy, mentioned, only a mention; Bo nothing.
    const reply = await createComment({ actor: bo, input: { segmentId: segment(4), body: `Sure. ${mentionToken({ userId: ada.id, name: 'Ada' })}`, replyToId: comment.id } });
    const adaItems = (await notificationsOf(ada)).filter((item) => 'commentId' in item.data && item.data.commentId === reply.id);
    expect(adaItems.map((item) => item.type)).toEqual(['comment.mention']);
    const cyReply = await createComment({ actor: cy, input: { segmentId: segment(4), body: 'Me too.', replyToId: reply.id } });
    const forCy = (await notificationsOf(ada)).filter((item) => 'commentId' in item.data && item.data.commentId === cyReply.id);
    expect(forCy.map((item) => item.type)).toEqual(['comment.reply']);
    expect((await notificationsOf(bo)).filter((item) => 'commentId' in item.data && item.data.commentId === cyReply.id).map((item) => item.type)).toEqual(['comment.reply']);
    expect((await notificationsOf(cy)).filter((item) => 'commentId' in item.data && item.data.commentId === cyReply.id)).toEqual([]);

    // An edit notifies only those mentioned for the first time.
    await updateComment({ actor: ada, input: { commentId: comment.id, body: `${body} ${mentionToken({ userId: cy.id, name: 'Cy' })}` } });
    const mentionsOf = async (actor: Actor) => (await notificationsOf(actor)).filter((item) => item.type === 'comment.mention' && 'commentId' in item.data && item.data.commentId === comment.id).length;
    expect([await mentionsOf(bo), await mentionsOf(cy)]).toEqual([1, 1]);

    // Deleting the comment takes back the notifications that quoted it.
    await deleteComment({ actor: ada, input: { commentId: comment.id } });
    expect([await mentionsOf(bo), await mentionsOf(cy)]).toEqual([0, 0]);
  });

  it('offers those who can be mentioned, by name, never the asker', async () => {
    expect((await findMentionableUsers({ actor: ada, segmentId: segment(1), q: 'bo' })).map((user) => user.name)).toEqual(['Bo Builder']);
    const everyone = (await findMentionableUsers({ actor: ada, segmentId: segment(1) })).map((user) => user.name);
    expect(everyone).toEqual(expect.arrayContaining(['Bo Builder', 'Cy Reader', 'Eve Editor']));
    expect(everyone).not.toContain('Ada Lovelace');
    expect(everyone).not.toContain('Odd Outsider');
    expect(await errorCodeOf(findMentionableUsers({ actor: ANONYMOUS, segmentId: segment(1) }))).toBe('UNAUTHENTICATED');
  });

  it('lets people mention the site’s administrators and whoever imported the work or a translation of it', async () => {
    const sam = await buildUser({ name: 'Sam Siteadmin' });
    const gone = await buildUser({ name: 'Gil Siteadmin' });
    await getDb().user.updateMany({ where: { id: { in: [sam.id, gone.id] } }, data: { siteRole: 'ADMIN' } });
    await getDb().user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    // Two editors bring in a work and its translation, and later lose their role: they took part all the same.
    const ivy = await buildUser({ name: 'Ivy Importer' });
    const tia = await buildUser({ name: 'Tia Translator' });
    const imported = await buildWork({ collectionId, actor: await grantRole(ivy.id, collectionId, 'EDITOR'), text: 'The lamp was lit at six. The street was empty.' });
    await importAlignedTranslation({ actor: await grantRole(tia.id, collectionId, 'EDITOR'), workId: imported.workId, file: { name: 'fr.txt', bytes: new TextEncoder().encode('La lampe fut allumée à six heures. La rue était vide.') }, provenance: { language: 'fr' } });
    await getDb().collectionMember.deleteMany({ where: { collectionId, userId: { in: [ivy.id, tia.id] } } });
    const sentence = (await getDb().segment.findFirstOrThrow({ where: { workId: imported.workId, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true } })).id;

    const offered = async (segmentId: string, q: string) => (await findMentionableUsers({ actor: ada, segmentId, q })).map((user) => user.name);
    expect(await offered(sentence, 'siteadmin')).toEqual(['Sam Siteadmin']);
    expect(await offered(sentence, 'importer')).toEqual(['Ivy Importer']);
    expect(await offered(sentence, 'translator')).toEqual(['Tia Translator']);
    // On another work of the same collection only the site admin takes part.
    expect(await offered(segment(1), 'siteadmin')).toEqual(['Sam Siteadmin']);
    expect(await offered(segment(1), 'importer')).toEqual([]);

    const comment = await createComment({ actor: ada, input: { segmentId: sentence, body: `${mentionToken({ userId: sam.id, name: 'Sam' })}, ${mentionToken({ userId: ivy.id, name: 'Ivy' })}: is “lit” right?` } });
    expect(new Set(comment.mentionIds)).toEqual(new Set([sam.id, ivy.id]));
    expect((await notificationsOf(await loadActor({ userId: sam.id }))).map((item) => item.type)).toEqual(['comment.mention']);
  });

  it('lists a work’s threads unresolved first, in keyset pages', async () => {
    const all: string[] = [];
    let after: string | undefined;
    do {
      const page = await findWorkThreads({ actor: ANONYMOUS, input: { workId, status: 'all', limit: 2, after } });
      all.push(...page.threads.map((thread) => `${thread.isResolved ? 'resolved' : 'open'}:${thread.id}`));
      after = page.next ?? undefined;
    } while (after);
    const roots = await getDb().comment.findMany({ where: { workId, threadId: null }, orderBy: { id: 'asc' }, select: { id: true, resolvedAt: true } });
    const expected = [...roots.filter((root) => !root.resolvedAt).map((root) => `open:${root.id}`), ...roots.filter((root) => root.resolvedAt).map((root) => `resolved:${root.id}`)];
    expect(all).toEqual(expected);
    expect(expected.some((entry) => entry.startsWith('resolved:'))).toBe(true);

    const open = await findWorkThreads({ actor: ANONYMOUS, input: { workId } });
    expect(open.threads.every((thread) => !thread.isResolved)).toBe(true);
    const first = open.threads.find((thread) => thread.excerpt === 'Is “first” right here?');
    expect(first).toMatchObject({ commentCount: 3, author: { name: 'Ada Lovelace' }, segmentExcerpt: 'The first sentence.' });
  });
});

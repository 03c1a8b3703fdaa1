import { describe, expect, it } from 'vitest';

import { POST as reopenRoute } from '../../../app/api/comments/[commentId]/reopen/route';
import { POST as resolveRoute } from '../../../app/api/comments/[commentId]/resolve/route';
import { DELETE as deleteRoute, PATCH as editRoute } from '../../../app/api/comments/[commentId]/route';
import { POST as markReadRoute } from '../../../app/api/notifications/read/route';
import { GET as notificationsRoute } from '../../../app/api/notifications/route';
import { GET as threadsRoute, POST as commentRoute } from '../../../app/api/segments/[segmentId]/comments/route';
import { GET as mentionableRoute } from '../../../app/api/segments/[segmentId]/mentionable/route';
import { GET as workThreadsRoute } from '../../../app/api/works/[workId]/comments/route';
import { getDb } from '../../../lib/db/client';
import { mentionToken } from '../../../lib/discussion/mentions';
import type { DiscussionComment, DiscussionThread } from '../../../lib/discussion/types';
import type { NotificationPage } from '../../../lib/notify/types';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const send = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('discussion and notification routes', () => {
  it('let anyone read, volunteers talk and mention, authors and editors resolve, and each user read their notifications', async () => {
    const collection = await buildCollection();
    const { workId } = await buildWork({ collectionId: collection.id });
    const segment = await getDb().segment.findFirstOrThrow({ where: { workId, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true } });
    const other = await getDb().segment.findFirstOrThrow({ where: { workId, kind: 'SENTENCE', id: { not: segment.id } }, orderBy: { orderKey: 'asc' }, select: { id: true } });
    const ada = await buildUser({ name: 'Ada Route' });
    const bo = await buildUser({ name: 'Bo Route' });
    const eve = await buildUser({ name: 'Eve Route' });
    await grantRole(eve.id, collection.id, 'EDITOR');
    const [adaCookie, boCookie, eveCookie] = await Promise.all([sessionCookie(ada.id), sessionCookie(bo.id), sessionCookie(eve.id)]);
    const url = `/api/segments/${segment.id}/comments`;
    const params = { segmentId: segment.id };

    expect((await callRoute(commentRoute, url, { params, init: send('POST', { body: 'Hello' }) })).status).toBe(401);
    expect((await callRoute(commentRoute, url, { params, cookie: adaCookie, init: send('POST', { body: '' }) })).status).toBe(422);
    const missing = '00000000-0000-7000-8000-000000000000';
    expect((await callRoute(commentRoute, `/api/segments/${missing}/comments`, { params: { segmentId: missing }, cookie: adaCookie, init: send('POST', { body: 'Hi' }) })).status).toBe(404);

    // The autocomplete offers the collection's editor to Ada; Bo has not taken part yet.
    const offered = (await (await callRoute(mentionableRoute, `/api/segments/${segment.id}/mentionable?q=route`, { params, cookie: adaCookie })).json()) as { users: { id: string; name: string }[] };
    expect(offered.users).toEqual([{ id: eve.id, name: 'Eve Route' }]);
    expect((await callRoute(mentionableRoute, `/api/segments/${segment.id}/mentionable`, { params })).status).toBe(401);

    // The segment in the path is the one commented on, whatever the body says.
    const created = await callRoute(commentRoute, url, { params, cookie: adaCookie, init: send('POST', { segmentId: other.id, body: `Please check, ${mentionToken({ userId: eve.id, name: 'Eve' })}.` }) });
    expect(created.status).toBe(201);
    const { comment } = (await created.json()) as { comment: DiscussionComment };
    expect(comment.body).toBe(`Please check, @[Eve Route](${eve.id}).`);
    expect((await getDb().comment.findUniqueOrThrow({ where: { id: comment.id }, select: { segmentId: true } })).segmentId).toBe(segment.id);

    const reply = await callRoute(commentRoute, url, { params, cookie: boCookie, init: send('POST', { body: 'Me too.', replyToId: comment.id }) });
    expect(reply.status).toBe(201);

    const read = (await (await callRoute(threadsRoute, url, { params })).json()) as { threads: DiscussionThread[] };
    expect(read.threads.map((thread) => thread.comments.map((entry) => entry.author?.name))).toEqual([['Ada Route', 'Bo Route']]);

    // Bo may neither edit Ada's comment nor resolve her thread; the editor may resolve it.
    const commentParams = { commentId: comment.id };
    expect((await callRoute(editRoute, `/api/comments/${comment.id}`, { params: commentParams, cookie: boCookie, init: send('PATCH', { body: 'Changed' }) })).status).toBe(403);
    const edited = await callRoute(editRoute, `/api/comments/${comment.id}`, { params: commentParams, cookie: adaCookie, init: send('PATCH', { body: 'Please check.' }) });
    expect(((await edited.json()) as { comment: DiscussionComment }).comment).toMatchObject({ body: 'Please check.', mentionIds: [] });
    expect((await callRoute(resolveRoute, `/api/comments/${comment.id}/resolve`, { params: commentParams, cookie: boCookie, init: send('POST', {}) })).status).toBe(403);
    const resolved = await callRoute(resolveRoute, `/api/comments/${comment.id}/resolve`, { params: commentParams, cookie: eveCookie, init: send('POST', {}) });
    expect(await resolved.json()).toMatchObject({ threadId: comment.id, isResolved: true });
    expect((await callRoute(resolveRoute, `/api/comments/${comment.id}/resolve`, { params: commentParams, cookie: eveCookie, init: send('POST', {}) })).status).toBe(409);
    expect((await callRoute(reopenRoute, `/api/comments/${comment.id}/reopen`, { params: commentParams, cookie: adaCookie, init: send('POST', {}) })).status).toBe(200);

    const work = (await (await callRoute(workThreadsRoute, `/api/works/${workId}/comments?status=all`, { params: { workId } })).json()) as { threads: { id: string; commentCount: number }[] };
    expect(work.threads).toMatchObject([{ id: comment.id, commentCount: 2 }]);

    // Deleting: not someone else's, except for an editor; the reply keeps its place.
    const { comment: boReply } = (await reply.json()) as { comment: DiscussionComment };
    const replyParams = { commentId: boReply.id };
    expect((await callRoute(deleteRoute, `/api/comments/${boReply.id}`, { params: replyParams, init: { method: 'DELETE' } })).status).toBe(401);
    expect((await callRoute(deleteRoute, `/api/comments/${boReply.id}`, { params: replyParams, cookie: adaCookie, init: { method: 'DELETE' } })).status).toBe(403);
    expect((await callRoute(deleteRoute, `/api/comments/${boReply.id}`, { params: replyParams, cookie: eveCookie, init: { method: 'DELETE' } })).status).toBe(200);
    const after = (await (await callRoute(threadsRoute, url, { params })).json()) as { threads: DiscussionThread[] };
    expect(after.threads[0]?.comments.map((entry) => entry.isDeleted)).toEqual([false, true]);

    // Eve was mentioned; Ada got Bo's reply (taken back with its deletion), then nothing else.
    expect((await callRoute(notificationsRoute, '/api/notifications')).status).toBe(401);
    const eveInbox = (await (await callRoute(notificationsRoute, '/api/notifications', { cookie: eveCookie })).json()) as NotificationPage;
    expect(eveInbox.items.map((item) => item.type)).toEqual(['comment.mention']);
    expect(eveInbox.unreadCount).toBe(1);
    const adaInbox = (await (await callRoute(notificationsRoute, '/api/notifications', { cookie: adaCookie })).json()) as NotificationPage;
    expect(adaInbox).toEqual({ items: [], next: null, unreadCount: 0 });

    expect((await callRoute(markReadRoute, '/api/notifications/read', { cookie: eveCookie, init: send('POST', {}) })).status).toBe(422);
    const marked = await callRoute(markReadRoute, '/api/notifications/read', { cookie: eveCookie, init: send('POST', { ids: [eveInbox.items[0]?.id] }) });
    expect(await marked.json()).toEqual({ updated: 1, unreadCount: 0 });
  });
});

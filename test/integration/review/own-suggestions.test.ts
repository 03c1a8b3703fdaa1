import { beforeAll, describe, expect, it } from 'vitest';

import { GET as mineRoute } from '../../../app/api/suggestions/mine/route';
import { ANONYMOUS, type Actor } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion, rejectSuggestion } from '../../../lib/review/decide-suggestion';
import { getOwnSuggestions } from '../../../lib/review/own-suggestions';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

describe('an author’s own suggestions', () => {
  let volunteer: Awaited<ReturnType<typeof buildUser>>;
  let editor: Actor;
  let segments: { id: string; base: string | null }[];

  beforeAll(async () => {
    const collectionId = (await buildCollection()).id;
    const { workId } = await buildWork({ collectionId, text: '# Title\n\nThe committee met on Tuesday. It voted against the plan. A third sentence.\n' });
    const rows = await getDb().segment.findMany({ where: { workId, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true, texts: { select: { publishedRevisionId: true } } } });
    segments = rows.map((row) => ({ id: row.id, base: row.texts[0]?.publishedRevisionId ?? null }));
    volunteer = await buildUser({ name: 'Vic Volunteer' });
    const editorUser = await buildUser({ name: 'Eda Editor' });
    editor = await grantRole(editorUser.id, collectionId, 'EDITOR');
  });

  const suggest = (index: number, text: string) => {
    const segment = segments[index] as { id: string; base: string | null };
    return createSuggestion({ actor: volunteer.actor, input: { segmentId: segment.id, language: 'en', text, baseRevisionId: segment.base } });
  };

  it('lists outcomes newest first, with the reviewer, the reasons and the parts turned down', async () => {
    const rejected = await suggest(0, 'The committe met on Tuesday.');
    await rejectSuggestion({ actor: editor, input: { suggestionId: rejected.suggestionId, reason: 'NOT_IN_ORIGINAL', note: 'The original spells it right.' } });
    const partly = await suggest(1, 'It voted for the whole plan.');
    await approveSuggestion({ actor: editor, input: { suggestionId: partly.suggestionId, text: 'It voted for the plan.', hunkRejections: [{ excerpt: '∅ → whole', reason: 'NOT_IN_ORIGINAL', note: '' }] } });
    const pending = await suggest(2, 'A third sentence, improved.');

    const { items, next } = await getOwnSuggestions({ actor: volunteer.actor, filter: {} });
    expect(next).toBeNull();
    expect(items.map((item) => item.suggestionId)).toEqual([pending.suggestionId, partly.suggestionId, rejected.suggestionId]);
    expect(items[0]).toMatchObject({ status: 'PENDING', reviewer: null, decidedAt: null });
    expect(items[0]?.diff.filter((op) => op.kind !== 'equal')).toEqual([{ kind: 'insert', text: ', improved' }]);
    expect(items[1]).toMatchObject({ status: 'PUBLISHED', reviewer: 'Eda Editor', publishedText: 'It voted for the plan.', hunkRejections: [{ excerpt: '∅ → whole', reason: 'NOT_IN_ORIGINAL', note: '' }] });
    expect(items[1]?.decidedAt).toBeInstanceOf(Date);
    expect(items[2]).toMatchObject({ status: 'REJECTED', reviewer: 'Eda Editor', rejectReason: 'NOT_IN_ORIGINAL', rejectNote: 'The original spells it right.', publishedText: null });

    const firstPage = await getOwnSuggestions({ actor: volunteer.actor, filter: { limit: 2 } });
    expect(firstPage.items).toHaveLength(2);
    const secondPage = await getOwnSuggestions({ actor: volunteer.actor, filter: { limit: 2, before: firstPage.next as string } });
    expect(secondPage.items.map((item) => item.suggestionId)).toEqual([rejected.suggestionId]);
    expect((await getOwnSuggestions({ actor: volunteer.actor, filter: { status: 'REJECTED' } })).items).toHaveLength(1);
  });

  it('says so when the parts turned down cannot be read, rather than showing none', async () => {
    const published = await getDb().suggestion.findFirstOrThrow({ where: { authorId: volunteer.id, status: 'PUBLISHED' }, select: { id: true, hunkRejections: true } });
    await getDb().suggestion.update({ where: { id: published.id }, data: { hunkRejections: [{ excerpt: 7, reason: 'BECAUSE' }] } });
    try {
      const { items } = await getOwnSuggestions({ actor: volunteer.actor, filter: { status: 'PUBLISHED' } });
      expect(items.find((item) => item.suggestionId === published.id)?.hunkRejections).toEqual([{ excerpt: '…', reason: 'OTHER', note: expect.stringMatching(/could not be read/) }]);
    } finally {
      await getDb().suggestion.update({ where: { id: published.id }, data: { hunkRejections: published.hunkRejections ?? [] } });
    }
  });

  it('shows each author only their own, and asks guests to sign in', async () => {
    const other = await buildUser();
    expect((await getOwnSuggestions({ actor: other.actor, filter: {} })).items).toEqual([]);
    expect(await errorCodeOf(getOwnSuggestions({ actor: ANONYMOUS, filter: {} }))).toBe('UNAUTHENTICATED');
    expect((await callRoute(mineRoute, '/api/suggestions/mine')).status).toBe(401);
    const response = await callRoute(mineRoute, '/api/suggestions/mine?status=PENDING', { cookie: await sessionCookie(volunteer.id) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { items: { status: string }[] }).items.map((item) => item.status)).toEqual(['PENDING']);
  });
});

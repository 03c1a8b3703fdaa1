import { beforeAll, describe, expect, it } from 'vitest';

import { GET as progressRoute } from '../../../app/api/works/[workId]/progress/route';
import { ANONYMOUS, type Actor } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { getWorkProgress } from '../../../lib/progress/get-work-progress';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion, rejectSuggestion } from '../../../lib/review/decide-suggestion';
import { getStaleTranslations } from '../../../lib/review/stale-translations';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute } from '../../helpers/requests';

describe('work progress', () => {
  let workId: string;
  let collectionId: string;
  let segments: string[];
  const people: Record<'vera' | 'wim' | 'ed' | 'val', { id: string; actor: Actor }> = {} as never;

  const publishedId = async (segmentId: string, language: string) =>
    (await getDb().segmentText.findUnique({ where: { segmentId_language: { segmentId, language } }, select: { publishedRevisionId: true } }))?.publishedRevisionId ?? null;
  const suggest = async (who: keyof typeof people, index: number, language: string, text: string) =>
    (await createSuggestion({ actor: people[who].actor, input: { segmentId: segments[index] as string, language, text, baseRevisionId: await publishedId(segments[index] as string, language) } })).suggestionId;
  const approve = (who: keyof typeof people, suggestionId: string) => approveSuggestion({ actor: people[who].actor, input: { suggestionId } });

  beforeAll(async () => {
    // Two review levels: a first approval waits for a second reviewer's validation.
    const collection = await buildCollection();
    collectionId = collection.id;
    await getDb().collection.update({ where: { id: collectionId }, data: { reviewPolicy: 'DOUBLE' } });
    workId = (await buildWork({ collectionId, text: '# Heading\n\nOne. Two. Three. Four. Five.\n' })).workId;
    await getDb().workLanguage.create({ data: { workId, language: 'fr' } });
    segments = (await getDb().segment.findMany({ where: { workId, kind: { not: 'PARAGRAPH' } }, orderBy: { orderKey: 'asc' }, select: { id: true } })).map((row) => row.id);
    for (const [key, name] of [['vera', 'Vera'], ['wim', 'Wim'], ['ed', 'Ed'], ['val', 'Val']] as const) {
      const user = await buildUser({ name });
      people[key] = { id: user.id, actor: key === 'ed' || key === 'val' ? await grantRole(user.id, collectionId, 'EDITOR') : user.actor };
    }

    // Heading and "One": translated, approved and validated.
    for (const index of [0, 1]) {
      const id = await suggest('vera', index, 'fr', `Traduction ${index}`);
      await approve('ed', id);
      await approve('val', id);
    }
    // "One" corrected in the original afterwards: its translation becomes stale.
    const correction = await suggest('vera', 1, 'en', 'One, corrected.');
    await approve('ed', correction);
    await approve('val', correction);
    // "Two": approved once, waiting for validation.
    await approve('ed', await suggest('vera', 2, 'fr', 'Deux'));
    // "Three": two pending suggestions (one segment proposed).
    await suggest('vera', 3, 'fr', 'Trois');
    await suggest('wim', 3, 'fr', 'Trois !');
    // "Four": rejected.
    await rejectSuggestion({ actor: people.ed.actor, input: { suggestionId: await suggest('wim', 4, 'fr', 'Quatre ?'), reason: 'MEANING', note: '' } });
    // "Five": suggested twice by the same person; the first is withdrawn.
    await suggest('vera', 5, 'fr', 'Cinq');
    await suggest('vera', 5, 'fr', 'Cinq.');
    // Comments by Wim, one of them deleted.
    for (const deletedAt of [null, new Date()]) {
      await getDb().comment.create({ data: { segmentId: segments[4] as string, workId, collectionId, language: 'fr', authorId: people.wim.id, body: 'Sure?', deletedAt } });
    }
  });

  it('counts each language’s segments translated, proposed, approved, validated and stale', async () => {
    const progress = await getWorkProgress({ actor: ANONYMOUS, workId });
    expect(progress.total).toBe(6);
    expect(progress.languages).toEqual([
      { language: 'en', isSource: true, total: 6, translated: 6, proposed: 0, approved: 0, validated: 1, stale: 0, shares: { translated: 1, proposed: 0, approved: 0, validated: 0.1667, stale: 0 } },
      { language: 'fr', isSource: false, total: 6, translated: 2, proposed: 2, approved: 1, validated: 2, stale: 1, shares: { translated: 0.3333, proposed: 0.3333, approved: 0.1667, validated: 0.3333, stale: 0.1667 } },
    ]);
    // The stale figure counts what the list of stale translations shows.
    expect(await getStaleTranslations({ actor: ANONYMOUS, workId, language: 'fr' })).toHaveLength(1);
  });

  it('counts each contributor’s suggestions by outcome, reviews and comments', async () => {
    const { contributors } = await getWorkProgress({ actor: ANONYMOUS, workId });
    expect(contributors).toEqual([
      { userId: people.vera.id, name: 'Vera', suggested: 6, pending: 3, published: 3, rejected: 0, reviews: 0, comments: 0 },
      { userId: people.wim.id, name: 'Wim', suggested: 2, pending: 1, published: 0, rejected: 1, reviews: 0, comments: 1 },
      { userId: people.ed.id, name: 'Ed', suggested: 0, pending: 0, published: 0, rejected: 0, reviews: 5, comments: 0 },
      { userId: people.val.id, name: 'Val', suggested: 0, pending: 0, published: 0, rejected: 0, reviews: 3, comments: 0 },
    ]);
  });

  it('narrows figures and contributions to one language', async () => {
    const progress = await getWorkProgress({ actor: ANONYMOUS, workId, language: 'en' });
    expect(progress.languages.map((entry) => entry.language)).toEqual(['en']);
    expect(progress.contributors).toEqual([
      expect.objectContaining({ name: 'Vera', suggested: 1, published: 1 }),
      expect.objectContaining({ name: 'Ed', reviews: 1 }),
      expect.objectContaining({ name: 'Val', reviews: 1 }),
    ]);
  });

  it('answers GET /api/works/:id/progress for anyone, 404 for an unknown work', async () => {
    const response = await callRoute(progressRoute, `/api/works/${workId}/progress?lang=fr`, { params: { workId } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ workId, total: 6, languages: [{ language: 'fr', translated: 2, stale: 1 }] });
    const unknown = '00000000-0000-7000-8000-000000000000';
    expect((await callRoute(progressRoute, `/api/works/${unknown}/progress`, { params: { workId: unknown } })).status).toBe(404);
    expect((await callRoute(progressRoute, '/api/works/nope/progress', { params: { workId: 'nope' } })).status).toBe(422);
    expect(await errorCodeOf(getWorkProgress({ actor: ANONYMOUS, workId: 'nope' }))).toBe('NOT_FOUND');
  });
});

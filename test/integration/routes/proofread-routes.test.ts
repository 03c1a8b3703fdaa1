import { afterAll, describe, expect, it } from 'vitest';

import { POST as correctionsRoute } from '../../../app/api/works/[workId]/proofread/corrections/route';
import { GET as marksRoute } from '../../../app/api/works/[workId]/proofread/marks/route';
import { GET as listRoute } from '../../../app/api/works/[workId]/proofread/route';
import { getDb } from '../../../lib/db/client';
import type { WorkSuspects } from '../../../lib/proofread/get-work-suspects';
import type { ProposedCorrection } from '../../../lib/proofread/propose-suspect-correction';
import { closeProofreadThread } from '../../../lib/proofread/worker/run-proofread-job';
import { buildCollection, buildUser, buildWork } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const TEXT = [
  '# Speeches',
  '',
  'The sociaIist revolution and the woRks of Lenin were read again.',
  '',
  'A socialist party reads such works. The socialist workers read works too.',
  '',
  'Later the sociaIist press printed them.',
  '',
].join('\n');

afterAll(async () => {
  await closeProofreadThread();
});

async function publishedTexts(workId: string): Promise<string[]> {
  const rows = await getDb().segmentText.findMany({ where: { segment: { workId, kind: 'SENTENCE' }, language: 'en' }, orderBy: { segment: { orderKey: 'asc' } }, select: { publishedRevision: { select: { text: true } } } });
  return rows.map((row) => row.publishedRevision?.text ?? '');
}

describe('proofreading routes', () => {
  it('list suspected OCR errors to those who may correct the work, mark them by chunk, and propose corrections as suggestions only', async () => {
    const collection = await buildCollection();
    const { workId } = await buildWork({ collectionId: collection.id, text: TEXT });
    const volunteer = await buildUser();
    const cookie = await sessionCookie(volunteer.id);
    const params = { workId };

    // Anonymous readers are refused, reading and correcting alike.
    expect((await callRoute(listRoute, `/api/works/${workId}/proofread`, { params })).status).toBe(401);
    expect((await callRoute(marksRoute, `/api/works/${workId}/proofread/marks?chunk=0`, { params })).status).toBe(401);
    expect((await callRoute(correctionsRoute, `/api/works/${workId}/proofread/corrections`, { params, init: json({ word: 'sociaIist' }) })).status).toBe(401);
    const unknown = '00000000-0000-7000-8000-000000000000';
    expect((await callRoute(listRoute, `/api/works/${unknown}/proofread`, { params: { workId: unknown }, cookie })).status).toBe(404);

    const listed = await callRoute(listRoute, `/api/works/${workId}/proofread?limit=10`, { params, cookie });
    expect(listed.status).toBe(200);
    const list = (await listed.json()) as WorkSuspects;
    expect(list).toMatchObject({ language: 'en', hasDictionary: true, offset: 0 });
    const sociaIist = list.suspects.find((suspect) => suspect.word === 'sociaIist');
    expect(sociaIist).toMatchObject({ count: 2, correction: 'socialist', placeCount: 2 });
    expect(list.suspects.find((suspect) => suspect.word === 'woRks')).toMatchObject({ count: 1, correction: 'works', reasons: ['MIXED_CASE'] });
    expect(list.suspects.map((suspect) => suspect.word)).not.toContain('socialist');
    // Paged, most frequent first.
    const firstOnly = (await (await callRoute(listRoute, `/api/works/${workId}/proofread?limit=1`, { params, cookie })).json()) as WorkSuspects;
    expect(firstOnly.suspects.map((suspect) => suspect.word)).toEqual(['sociaIist']);
    expect(firstOnly.total).toBe(list.total);

    const [first, second] = sociaIist?.places ?? [];
    const marks = (await (await callRoute(marksRoute, `/api/works/${workId}/proofread/marks?chunk=0&count=1`, { params, cookie })).json()) as { marks: Record<string, { word: string; correction: string | null }[]> };
    expect(marks.marks[first?.segmentId ?? '']).toEqual(expect.arrayContaining([{ word: 'sociaIist', correction: 'socialist' }, { word: 'woRks', correction: 'works' }]));
    expect((await (await callRoute(marksRoute, `/api/works/${workId}/proofread/marks?chunk=5`, { params, cookie })).json()) as unknown).toEqual({ marks: {} });

    const before = await publishedTexts(workId);
    const fixed = await callRoute(correctionsRoute, `/api/works/${workId}/proofread/corrections`, { params, cookie, init: json({ word: 'sociaIist' }) });
    expect(fixed.status).toBe(200);
    expect(((await fixed.json()) as ProposedCorrection).suggested).toEqual([first?.segmentId, second?.segmentId]);
    // The second fix of the same text builds on the volunteer's own suggestion, which it replaces.
    const again = (await (await callRoute(correctionsRoute, `/api/works/${workId}/proofread/corrections`, { params, cookie, init: json({ word: 'woRks', segmentId: first?.segmentId }) })).json()) as ProposedCorrection;
    expect(again).toMatchObject({ correction: 'works', suggested: [first?.segmentId], skipped: [] });

    // Nothing was published: the suggestions wait for review.
    expect(await publishedTexts(workId)).toEqual(before);
    const suggestions = await getDb().suggestion.findMany({ where: { workId, authorId: volunteer.id }, orderBy: { createdAt: 'asc' }, select: { segmentId: true, status: true, kind: true, text: true } });
    expect(suggestions).toEqual([
      { segmentId: first?.segmentId, status: 'WITHDRAWN', kind: 'CORRECTION', text: 'The socialist revolution and the woRks of Lenin were read again.' },
      { segmentId: second?.segmentId, status: 'PENDING', kind: 'CORRECTION', text: 'Later the socialist press printed them.' },
      { segmentId: first?.segmentId, status: 'PENDING', kind: 'CORRECTION', text: 'The socialist revolution and the works of Lenin were read again.' },
    ]);

    // A word with no correction to propose, or one not in the segment named, is a conflict.
    expect((await callRoute(correctionsRoute, `/api/works/${workId}/proofread/corrections`, { params, cookie, init: json({ word: 'Lenin' }) })).status).toBe(409);
    expect((await callRoute(correctionsRoute, `/api/works/${workId}/proofread/corrections`, { params, cookie, init: json({ word: 'woRks', segmentId: second?.segmentId }) })).status).toBe(409);
  });
});

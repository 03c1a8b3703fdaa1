import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ANONYMOUS } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { seedDemo } from '../../../lib/demo/seed-demo';
import { getSegmentWindow } from '../../../lib/reader/get-segment-window';
import { getWorkOverview } from '../../../lib/reader/get-work-overview';
import { useScratchDatabase } from '../../helpers/db';

describe('the demo collection', () => {
  useScratchDatabase({ beforeAll, afterAll });

  it('loads into an empty library with its translation aligned row by row, once', async () => {
    const workId = await seedDemo();
    expect(workId).not.toBeNull();
    const overview = await getWorkOverview({ actor: ANONYMOUS, workId: workId as string });
    expect(overview.languages.map((l) => [l.language, l.approved === l.total])).toEqual([
      ['en', true],
      ['fr', true],
    ]);
    expect(overview.pageCount).toBe(3);
    const window = await getSegmentWindow({ actor: ANONYMOUS, workId: workId as string, languages: ['en', 'fr'] });
    const row = window.segments.find((s) => s.texts.en?.text.startsWith('Ours was kept by Mr. Arlen Vosk'));
    expect(row?.texts.fr?.text).toMatch(/^La nôtre était tenue par M\. Arlen Vosk/);
    expect(window.segments.find((s) => s.kind === 'FOOTNOTE')?.texts.fr?.text).toMatch(/no 17 manque/);

    expect(await seedDemo()).toBeNull();
    expect(await getDb().work.count()).toBe(1);
  });
});

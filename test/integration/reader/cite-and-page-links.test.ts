import { describe, expect, it } from 'vitest';

import { ANONYMOUS, SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { importWork } from '../../../lib/import/import-work';
import { citeWork } from '../../../lib/reader/cite-work';
import { locatePage } from '../../../lib/reader/locate-page';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection } from '../../helpers/factories';

const TEXT = '# On the Harbour Question\n\n[Page 7] The harbour opened in 1921. Ships came from Riga.\n\nThe council met in winter. It voted [Page 8] for a new pier.\n\nThe pier was built in 1925.\n';
const BASE = 'https://interlinear.example';

async function importHarbour() {
  const collection = await buildCollection();
  const summary = await importWork({
    actor: SYSTEM_ACTOR,
    file: { name: 'harbour.md', bytes: new TextEncoder().encode(TEXT) },
    collection: { id: collection.id },
    metadata: { title: 'On the Harbour Question', author: 'P. N. Orlov', dateText: 'January 22, 1926', language: 'en', sourceEdition: 'Collected Works, vol. 3 (Riga: Harbour Press, 1951)' },
  });
  const segments = await getDb().segment.findMany({
    where: { workId: summary.workId, kind: 'SENTENCE' },
    orderBy: { orderKey: 'asc' },
    select: { id: true, texts: { where: { language: 'en' }, select: { publishedRevision: { select: { text: true } } } } },
  });
  const byText = (start: string) => segments.find((segment) => segment.texts[0]?.publishedRevision?.text.startsWith(start))?.id as string;
  return { workId: summary.workId, byText };
}

describe('printed pages have addresses', () => {
  it('finds where a page begins, whatever the case of its label, and says which pages exist otherwise', async () => {
    const { workId, byText } = await importHarbour();
    expect(await locatePage({ actor: ANONYMOUS, workId, label: '7' })).toEqual({ workId, segmentId: byText('The harbour opened'), label: '7' });
    // Page 8 begins inside "It voted for a new pier.": the reader opens at that sentence.
    expect(await locatePage({ actor: ANONYMOUS, workId, label: '8' })).toMatchObject({ segmentId: byText('It voted') });
    const missing = locatePage({ actor: ANONYMOUS, workId, label: '9' });
    await expect(missing).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'This work has no page 9. It has pages 7–8.' });
    expect(await errorCodeOf(locatePage({ actor: ANONYMOUS, workId, label: '../7' }))).toBe('NOT_FOUND');
    // Labels are compared as written, never as patterns.
    for (const label of ['%', '_', '\\', '7%']) expect(await errorCodeOf(locatePage({ actor: ANONYMOUS, workId, label }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(locatePage({ actor: ANONYMOUS, workId: 'not-a-work', label: '7' }))).toBe('NOT_FOUND');
  });

  it('opens a page whose first passage was retired at the next live one', async () => {
    const { workId, byText } = await importHarbour();
    await getDb().segment.update({ where: { id: byText('The harbour opened') }, data: { retiredAt: new Date() } });
    expect(await locatePage({ actor: ANONYMOUS, workId, label: '7' })).toMatchObject({ segmentId: byText('Ships came') });
  });
});

describe('citing a work or a passage', () => {
  it('cites a passage with the printed page it lies on, and one running over a page break with both', async () => {
    const { workId, byText } = await importHarbour();
    const first = await citeWork({ actor: ANONYMOUS, input: { workId, segment: byText('Ships came') }, baseUrl: `${BASE}/` });
    expect(first.pages).toEqual({ first: '7', last: '7' });
    expect(first.pageUrl).toBe(`${BASE}/works/${workId}/page/7`);
    expect(first.url).toBe(`${BASE}/s/${byText('Ships came')}`);
    expect(first.chicago.note).toBe(`P. N. Orlov, “On the Harbour Question,” January 22, 1926, in Collected Works, vol. 3 (Riga: Harbour Press, 1951), 7, ${BASE}/s/${byText('Ships came')}.`);
    expect(first.bibtex).toContain('pages = {7}');
    expect(first.csl).toMatchObject({ page: '7', 'container-title': 'Collected Works, vol. 3 (Riga: Harbour Press, 1951)' });

    expect((await citeWork({ actor: ANONYMOUS, input: { workId, segment: byText('It voted') }, baseUrl: BASE })).pages).toEqual({ first: '7', last: '8' });
    expect((await citeWork({ actor: ANONYMOUS, input: { workId, segment: byText('The pier was built') }, baseUrl: BASE })).pages).toEqual({ first: '8', last: '8' });
  });

  it('cites a translated sentence covering two source sentences with the pages of both', async () => {
    const { workId, byText } = await importHarbour();
    await importAlignedTranslation({
      actor: SYSTEM_ACTOR,
      workId,
      file: { name: 'fr.md', bytes: new TextEncoder().encode('# La question du port\n\nLe port ouvrit en 1921. Des navires vinrent de Riga.\n\nLe conseil, réuni en hiver, vota pour une nouvelle jetée.\n\nLa jetée fut construite en 1925.\n') },
      provenance: { language: 'fr', translator: 'Anne Dupont' },
    });
    const grouped = await getDb().segmentText.findFirst({ where: { segmentId: byText('It voted'), language: 'fr' }, select: { continuesPrevious: true } });
    expect(grouped?.continuesPrevious).toBe(true);
    // "The council met in winter." is on page 7; the French sentence also covers "It voted [8] for a new pier."
    expect((await citeWork({ actor: ANONYMOUS, input: { workId, segment: byText('The council met'), lang: 'fr' }, baseUrl: BASE })).pages).toEqual({ first: '7', last: '8' });
    expect((await citeWork({ actor: ANONYMOUS, input: { workId, segment: byText('The council met') }, baseUrl: BASE })).pages).toEqual({ first: '7', last: '7' });
  });

  it('cites the whole work without a page, and a translation with its translator', async () => {
    const { workId } = await importHarbour();
    const work = await citeWork({ actor: ANONYMOUS, input: { workId }, baseUrl: BASE });
    expect(work.pages).toBeNull();
    expect(work.url).toBe(`${BASE}/works/${workId}`);
    expect(work.chicago.bibliography).toBe(`Orlov, P. N. “On the Harbour Question.” January 22, 1926. In Collected Works, vol. 3 (Riga: Harbour Press, 1951). ${BASE}/works/${workId}.`);

    await importAlignedTranslation({
      actor: SYSTEM_ACTOR,
      workId,
      file: { name: 'fr.md', bytes: new TextEncoder().encode('# La question du port\n\nLe port ouvrit en 1921. Des navires vinrent de Riga.\n\nLe conseil se réunit en hiver. Il vota pour une nouvelle jetée.\n\nLa jetée fut construite en 1925.\n') },
      provenance: { language: 'fr', translator: 'Anne Dupont' },
    });
    const french = await citeWork({ actor: ANONYMOUS, input: { workId, lang: 'fr' }, baseUrl: BASE });
    expect(french.chicago.note).toContain('trans. Anne Dupont');
    expect(french.csl).toMatchObject({ language: 'fr', translator: [{ family: 'Dupont', given: 'Anne' }] });
  });

  it('refuses a language the work is not read in, and a passage of another work or none', async () => {
    const { workId } = await importHarbour();
    const other = await importHarbour();
    expect(await errorCodeOf(citeWork({ actor: ANONYMOUS, input: { workId, lang: 'de' }, baseUrl: BASE }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(citeWork({ actor: ANONYMOUS, input: { workId, segment: other.byText('Ships came') }, baseUrl: BASE }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(citeWork({ actor: ANONYMOUS, input: { workId: '0190f2a0-0000-7000-8000-000000000001' }, baseUrl: BASE }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(citeWork({ actor: ANONYMOUS, input: { workId: 'nope' } as never, baseUrl: BASE }))).toBe('INVALID_INPUT');
  });
});

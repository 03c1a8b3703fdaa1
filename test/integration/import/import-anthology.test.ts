import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ANONYMOUS, SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importVolume } from '../../../lib/import/import-volume';
import { citeWork } from '../../../lib/reader/cite-work';
import { getWorkOverview } from '../../../lib/reader/get-work-overview';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection } from '../../helpers/factories';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

describe('importing an anthology without contents (--split)', () => {
  it('makes one work per piece, with its author, date, source and tags as metadata, not as text', async () => {
    const collection = await buildCollection();
    const bytes = await readFile(path.join(CORPUS, 'lenin-stalin-quotes-collection.en.txt'));
    const imported = await importVolume({
      actor: SYSTEM_ACTOR,
      file: { name: 'quotes.txt', bytes },
      collection: { id: collection.id },
      metadata: { title: 'Lenin and Stalin: a collection', author: 'Various', dateText: '2014', language: 'en' },
    });
    expect(imported.splitBy).toBe('anthology');
    expect(imported.works).toHaveLength(7);

    const stored = await getDb().work.findMany({
      where: { collectionId: collection.id },
      orderBy: { volumePosition: 'asc' },
      select: { id: true, title: true, author: true, dateText: true, sourceEdition: true, sourceUrl: true, tags: true, part: true, volumeId: true },
    });
    expect(stored.map((work) => work.id)).toEqual(imported.works.map((work) => work.workId));
    expect(stored.every((work) => work.part === 'WORK' && work.volumeId === imported.volumeId)).toBe(true);
    expect(stored[0]).toMatchObject({
      title: 'Lenin on ‘Jewish Nation’',
      author: 'V. I. Lenin',
      dateText: '1903',
      sourceEdition: 'The Position of the Bund in the Party, Iskra, No. 51, October 22, 1903',
      sourceUrl: '',
      tags: ['Lenin', 'Israel'],
    });
    expect(stored[1]).toMatchObject({ author: 'N. Krupskaya', dateText: '1936', sourceUrl: 'http://www.revolutionarydemocracy.org', tags: ['Krupskaya and Stalin'] });
    // A piece without its own author, date or source keeps the collection's.
    expect(stored[3]).toMatchObject({ title: 'International Stalin Society formed (Press Release)', author: 'Various', dateText: '2014', sourceEdition: 'Lenin and Stalin: a collection', sourceUrl: '', tags: [] });
    // The Daily Worker's imprint dates the article; the byline names its author.
    expect(stored[4]).toMatchObject({ author: 'Andrew Rothstein', dateText: 'March 6, 1953', sourceUrl: 'http://lalkar.org/issues/contents/mar2013/stalin.html' });

    // The attribution, source and tags lines are no segments; the title is the work's heading.
    const rows = await getDb().segmentText.findMany({
      where: { segment: { work: { collectionId: collection.id } } },
      select: { publishedRevision: { select: { text: true } }, segment: { select: { kind: true, workId: true } } },
    });
    const texts = rows.map((row) => ({ text: row.publishedRevision?.text ?? '', segment: row.segment }));
    expect(texts.length).toBeGreaterThan(300);
    for (const pattern of [/^Source:/iu, /^V\. I\. LENIN \(1903\)$/u, /^N\. Krupskaya \(1936\)\.?$/u, /Kim Jong il \(1996\)/u, /^Available at/u, /^Lenin\s+Israel$/u, /^Krupskaya and Stalin$/u]) {
      expect(texts.filter((row) => pattern.test(row.text))).toEqual([]);
    }
    const firstHeading = texts.find((row) => row.segment.workId === stored[0]?.id && row.segment.kind === 'HEADING');
    expect(firstHeading?.text).toBe('Lenin on ‘Jewish Nation’');
    // The repeated title of the last piece is read once.
    expect(texts.filter((row) => row.segment.workId === stored[6]?.id && row.text === 'On the Relations between Lenin and Stalin')).toHaveLength(1);
    // The quotation marks and the ellipsis are repaired.
    expect(texts.some((row) => row.text.startsWith('“But the Bund’s third argument'))).toBe(true);
    expect(texts.some((row) => row.text.startsWith('“…When Lenin died'))).toBe(true);
    expect(texts.some((row) => /۔/u.test(row.text))).toBe(false);

    // Readers see the source on the work page and in the citation.
    const overview = await getWorkOverview({ actor: ANONYMOUS, workId: stored[1]?.id ?? '' });
    expect(overview).toMatchObject({ author: 'N. Krupskaya', sourceUrl: 'http://www.revolutionarydemocracy.org', tags: ['Krupskaya and Stalin'] });
    const citation = await citeWork({ actor: ANONYMOUS, input: { workId: stored[1]?.id ?? '' }, baseUrl: 'https://interlinear.example' });
    expect(citation.chicago.note).toContain('N. Krupskaya, “Lenin’s Wife on Stalin and the Trotskyites,” 1936, in Why Is the Second International Defending Trotsky?');
    expect(citation.chicago.note).toContain('text from http://www.revolutionarydemocracy.org');
    expect(citation.csl).toMatchObject({ 'container-title': 'Why Is the Second International Defending Trotsky?, Izvestia, 4th September 1936, No. 224', source: 'http://www.revolutionarydemocracy.org' });

    const event = await getDb().auditEvent.findFirstOrThrow({ where: { type: 'volume.imported', collectionId: collection.id }, select: { data: true } });
    expect(event.data).toMatchObject({ splitBy: 'anthology', workIds: imported.works.map((work) => work.workId) });
  });

  it('still refuses prose that is no anthology, with the reason', async () => {
    const collection = await buildCollection();
    const bytes = await readFile(path.join(CORPUS, 'razlatzky-notes-in-the-margins.en.txt'));
    const refusal = importVolume({ actor: SYSTEM_ACTOR, file: { name: 'notes.txt', bytes }, collection: { id: collection.id }, metadata: { title: 'Notes', language: 'en' } });
    expect(await errorCodeOf(refusal)).toBe('INVALID_INPUT');
    await expect(refusal).rejects.toThrow(/table of contents nor a series of pieces/u);
    expect(await getDb().work.count({ where: { collectionId: collection.id } })).toBe(0);
  });
});

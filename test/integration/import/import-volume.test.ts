import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ANONYMOUS, SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importVolume } from '../../../lib/import/import-volume';
import { getSegmentWindow } from '../../../lib/reader/get-segment-window';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection } from '../../helpers/factories';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

describe('importing a volume of several works (--split)', () => {
  it('makes one work per item of the contents, each starting on its printed page, in one transaction', async () => {
    const collection = await buildCollection();
    const bytes = await readFile(path.join(CORPUS, 'stalin-works-vol8-ocr.en.txt'));
    const volume = await importVolume({ actor: SYSTEM_ACTOR, file: { name: 'vol8.txt', bytes }, collection: { id: collection.id }, metadata: { title: 'Works, Volume 8', language: 'en' } });
    const works = volume.works.filter((work) => work.kind === 'work');
    expect(works.length).toBeGreaterThanOrEqual(20);
    // In reading order, the works' first pages increase.
    const firstPages = works.map((work) => Number(work.firstPage));
    expect(firstPages.every((page) => Number.isInteger(page))).toBe(true);
    expect([...firstPages].sort((a, b) => a - b)).toEqual(firstPages);
    expect(works.some((work) => /^CONCERNING QUESTIONS OF LENINISM/.test(work.title))).toBe(true);
    // Each work keeps its own pages as anchors; the volume's title is each work's source edition.
    const stored = await getDb().work.findMany({ where: { collectionId: collection.id }, select: { id: true, sourceEdition: true, _count: { select: { anchors: true } } } });
    expect(stored).toHaveLength(volume.works.length);
    expect(stored.every((work) => work.sourceEdition === 'Works, Volume 8')).toBe(true);
    expect(stored.reduce((sum, work) => sum + work._count.anchors, 0)).toBeGreaterThan(300);
    // Footnote references in the works point at the notes at the end of the volume, both ways.
    const links = await getDb().footnoteRef.findMany({ where: { segment: { work: { collectionId: collection.id } } }, select: { segmentId: true, footnoteId: true, label: true, footnote: { select: { kind: true, label: true, workId: true } } } });
    // Most of the 103 notes' references, including those after closing quotes or right before a colon.
    expect(links.length).toBeGreaterThanOrEqual(90);
    expect(links.every((link) => link.footnote.kind === 'FOOTNOTE' && link.footnote.label === link.label)).toBe(true);
    const notesWork = volume.works.find((work) => /^Notes/.test(work.title));
    expect(links.every((link) => link.footnote.workId === notesWork?.workId)).toBe(true);
    const first = links[0];
    const window = await getSegmentWindow({ actor: ANONYMOUS, workId: notesWork?.workId ?? '', languages: ['en'], around: first?.footnoteId });
    expect(window.segments.find((segment) => segment.id === first?.footnoteId)?.referencedBy).toContain(first?.segmentId);
    // The original upload is kept once.
    expect(await getDb().upload.count({ where: { work: { collectionId: collection.id } } })).toBe(1);
  });

  it('refuses a text without a table of contents, leaving nothing behind', async () => {
    const collection = await buildCollection();
    const bytes = await readFile(path.join(CORPUS, 'wells-stalin-interview-1934.en.txt'));
    expect(await errorCodeOf(importVolume({ actor: SYSTEM_ACTOR, file: { name: 'wells.txt', bytes }, collection: { id: collection.id }, metadata: { title: 'Interview', language: 'en' } }))).toBe('INVALID_INPUT');
    expect(await getDb().work.count({ where: { collectionId: collection.id } })).toBe(0);
  });
});

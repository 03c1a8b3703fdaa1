import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ANONYMOUS, SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importVolume } from '../../../lib/import/import-volume';
import { findLibrary } from '../../../lib/reader/find-library';
import { getSegmentWindow } from '../../../lib/reader/get-segment-window';
import { getVolume } from '../../../lib/reader/get-volume';
import { getWorkOverview } from '../../../lib/reader/get-work-overview';
import { errorCodeOf } from '../../helpers/errors';
import { readExport } from '../../helpers/export';
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
    const links = await getDb().footnoteRef.findMany({ where: { segment: { work: { collectionId: collection.id } } }, select: { segmentId: true, footnoteId: true, label: true, segment: { select: { workId: true } }, footnote: { select: { kind: true, label: true, workId: true } } } });
    expect(links.every((link) => link.footnote.kind === 'FOOTNOTE')).toBe(true);
    // Every one of the 103 notes from its marker, including markers glued to a year, after closing
    // quotes, right before a colon, and one the OCR misread (86 for note 85).
    const numbered = links.filter((link) => /^\d+$/u.test(link.label));
    expect(numbered).toHaveLength(103);
    expect(new Set(numbered.map((link) => link.footnoteId)).size).toBe(103);
    expect(numbered.filter((link) => link.footnote.label !== link.label).map((link) => [link.label, link.footnote.label])).toEqual([['86', '85']]);
    const notesWork = volume.works.find((work) => /^Notes/.test(work.title));
    expect(numbered.every((link) => link.footnote.workId === notesWork?.workId)).toBe(true);
    // The author's asterisk notes stay in their own work, at the foot of their page.
    const starred = links.filter((link) => !/^\d+$/u.test(link.label));
    expect(starred.length).toBeGreaterThanOrEqual(79);
    expect(starred.every((link) => link.footnote.label === link.label && link.footnote.workId === link.segment.workId)).toBe(true);
    expect(await getDb().segment.count({ where: { work: { collectionId: collection.id }, kind: 'FOOTNOTE' } })).toBe(103 + 61);
    const first = numbered[0];
    const window = await getSegmentWindow({ actor: ANONYMOUS, workId: notesWork?.workId ?? '', languages: ['en'], around: first?.footnoteId });
    expect(window.segments.find((segment) => segment.id === first?.footnoteId)?.referencedBy).toContain(first?.segmentId);
    // A reference in a work carries its note from the notes work, for the reader to show in place.
    const referring = await getDb().segment.findUniqueOrThrow({ where: { id: first?.segmentId ?? '' }, select: { workId: true } });
    const reading = await getSegmentWindow({ actor: ANONYMOUS, workId: referring.workId, languages: ['en'], around: first?.segmentId });
    const shown = reading.segments.find((segment) => segment.id === first?.segmentId)?.footnoteRefs.find((ref) => ref.footnoteId === first?.footnoteId);
    expect(shown?.note.workId).toBe(notesWork?.workId);
    expect(shown?.note.texts.en).toMatch(/^\S/u);
    // The original upload is kept once.
    expect(await getDb().upload.count({ where: { work: { collectionId: collection.id } } })).toBe(1);
  });

  it('is stored as a volume: its parts in printed order, front and back matter apart, each work with its own date', async () => {
    const collection = await buildCollection();
    const bytes = await readFile(path.join(CORPUS, 'stalin-works-vol8-ocr.en.txt'));
    const imported = await importVolume({
      actor: SYSTEM_ACTOR,
      file: { name: 'vol8.txt', bytes },
      collection: { id: collection.id },
      metadata: { title: 'Works, Volume 8', author: 'J. V. Stalin', dateText: '1926', language: 'en', sourceEdition: 'Foreign Languages Publishing House, Moscow, 1954' },
    });
    const stored = await getDb().work.findMany({ where: { collectionId: collection.id }, orderBy: { volumePosition: 'asc' }, select: { id: true, volumeId: true, volumePosition: true, part: true, dateText: true } });
    expect(stored.map((work) => work.id)).toEqual(imported.works.map((work) => work.workId));
    expect(stored.every((work, index) => work.volumeId === imported.volumeId && work.volumePosition === index)).toBe(true);
    const parts = { work: 'WORK', 'front-matter': 'FRONT_MATTER', 'back-matter': 'BACK_MATTER' } as const;
    expect(stored.map((work) => work.part)).toEqual(imported.works.map((work) => parts[work.kind]));
    expect(stored.filter((work) => work.part === 'FRONT_MATTER').length).toBeGreaterThanOrEqual(1);
    expect(stored.filter((work) => work.part === 'BACK_MATTER').length).toBeGreaterThanOrEqual(1);
    // Works carry their own dates; one without a date of its own keeps the volume's.
    const works = stored.filter((work) => work.part === 'WORK');
    expect(works[0]?.dateText).toBe('January 22, 1926');
    expect(new Set(works.map((work) => work.dateText)).size).toBeGreaterThan(15);
    expect(stored.filter((work) => work.part !== 'WORK').every((work) => work.dateText === '1926')).toBe(true);

    // The library lists the volume with its parts in printed order, not among the loose works.
    const library = (await findLibrary({ actor: ANONYMOUS })).find((entry) => entry.id === collection.id);
    expect(library?.works).toEqual([]);
    expect(library?.volumes).toHaveLength(1);
    expect(library?.volumes[0]).toMatchObject({ id: imported.volumeId, title: 'Works, Volume 8', author: 'J. V. Stalin', sourceEdition: 'Foreign Languages Publishing House, Moscow, 1954' });
    expect(library?.volumes[0]?.works.map((work) => work.id)).toEqual(imported.works.map((work) => work.workId));
    expect((await getVolume({ actor: ANONYMOUS, volumeId: imported.volumeId })).works.map((work) => [work.id, work.position])).toEqual(imported.works.map((work, index) => [work.workId, index]));

    // A work knows its place: previous and next in printed order, and the volume's contents.
    const second = imported.works[1] as (typeof imported.works)[number];
    const overview = await getWorkOverview({ actor: ANONYMOUS, workId: second.workId });
    expect(overview.volume).toEqual({
      id: imported.volumeId,
      title: 'Works, Volume 8',
      part: parts[second.kind],
      position: 1,
      count: imported.works.length,
      previous: { id: imported.works[0]?.workId, title: imported.works[0]?.title },
      next: { id: imported.works[2]?.workId, title: imported.works[2]?.title },
    });
    const last = imported.works.at(-1) as (typeof imported.works)[number];
    expect((await getWorkOverview({ actor: ANONYMOUS, workId: last.workId })).volume).toMatchObject({ next: null, position: imported.works.length - 1 });
    // The export says it too, in its first line.
    const { work: exported } = await readExport(ANONYMOUS, second.workId);
    expect(exported.volume).toEqual({
      id: imported.volumeId,
      title: 'Works, Volume 8',
      part: parts[second.kind].toLowerCase(),
      position: 1,
      count: imported.works.length,
      previousId: imported.works[0]?.workId,
      nextId: imported.works[2]?.workId,
    });
    expect(exported).toMatchObject({ title: second.title, sourceEdition: 'Foreign Languages Publishing House, Moscow, 1954', collection: { id: collection.id } });
    expect(await errorCodeOf(getVolume({ actor: ANONYMOUS, volumeId: 'not-a-volume' }))).toBe('NOT_FOUND');
  });

  it('refuses a text without a table of contents, leaving nothing behind', async () => {
    const collection = await buildCollection();
    const bytes = await readFile(path.join(CORPUS, 'wells-stalin-interview-1934.en.txt'));
    expect(await errorCodeOf(importVolume({ actor: SYSTEM_ACTOR, file: { name: 'wells.txt', bytes }, collection: { id: collection.id }, metadata: { title: 'Interview', language: 'en' } }))).toBe('INVALID_INPUT');
    expect(await getDb().work.count({ where: { collectionId: collection.id } })).toBe(0);
  });
});

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

  it('refuses a text without a table of contents, leaving nothing behind', async () => {
    const collection = await buildCollection();
    const bytes = await readFile(path.join(CORPUS, 'wells-stalin-interview-1934.en.txt'));
    expect(await errorCodeOf(importVolume({ actor: SYSTEM_ACTOR, file: { name: 'wells.txt', bytes }, collection: { id: collection.id }, metadata: { title: 'Interview', language: 'en' } }))).toBe('INVALID_INPUT');
    expect(await getDb().work.count({ where: { collectionId: collection.id } })).toBe(0);
  });
});

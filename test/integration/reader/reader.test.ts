import { describe, expect, it } from 'vitest';

import { ANONYMOUS, SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { READER_WINDOW_SEGMENTS } from '../../../lib/config/limits';
import { findLibrary } from '../../../lib/reader/find-library';
import { getSegmentWindow } from '../../../lib/reader/get-segment-window';
import { getWorkOverview } from '../../../lib/reader/get-work-overview';
import { locateSegment } from '../../../lib/reader/locate-segment';
import { addTranslationBySegmentOrder } from '../../../lib/segment/add-translation-by-segment-order';
import { errorCodeOf } from '../../helpers/errors';
import { buildUser, buildWork } from '../../helpers/factories';

/** A made-up work of `paragraphs` paragraphs of three numbered sentences, headed every 50. */
function longText(paragraphs: number): string {
  const blocks: string[] = [];
  for (let p = 1; p <= paragraphs; p += 1) {
    if (p % 50 === 1) blocks.push(`## Part ${Math.ceil(p / 50)}`);
    blocks.push(`Sentence ${p}.1 opens it. Sentence ${p}.2 goes on. Sentence ${p}.3 ends it.`);
  }
  return blocks.join('\n\n');
}


describe('reader windows', () => {
  it('pages through a long work in windows, forwards and backwards, never all at once', async () => {
    const work = await buildWork({ text: longText(300), filename: 'long.md' });
    const total = work.counts.heading + work.counts.paragraph + work.counts.sentence;
    expect(total).toBe(6 + 300 + 900);

    const first = await getSegmentWindow({ actor: ANONYMOUS, workId: work.workId, languages: ['en'] });
    expect(first.segments).toHaveLength(READER_WINDOW_SEGMENTS);
    expect(first.hasBefore).toBe(false);
    expect(first.hasAfter).toBe(true);
    expect(first.segments[0]?.texts.en?.text).toBe('Part 1');

    const seen = [...first.segments];
    let window = first;
    while (window.hasAfter) {
      window = await getSegmentWindow({ actor: ANONYMOUS, workId: work.workId, languages: ['en'], after: window.segments.at(-1)?.orderKey });
      seen.push(...window.segments);
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((s) => s.id)).size).toBe(total);
    expect(seen.at(-1)?.texts.en?.text).toBe('Sentence 300.3 ends it.');

    const last = seen.at(-1);
    const back = await getSegmentWindow({ actor: ANONYMOUS, workId: work.workId, languages: ['en'], before: last?.orderKey, limit: 10 });
    expect(back.segments.map((s) => s.id)).toEqual(seen.slice(-11, -1).map((s) => s.id));
    expect(back.hasBefore).toBe(true);
    expect(back.hasAfter).toBe(true);
  });

  it('opens around a permalink target with a little context before it', async () => {
    const work = await buildWork({ text: longText(100), filename: 'long.md' });
    const all = [];
    let window = await getSegmentWindow({ actor: ANONYMOUS, workId: work.workId, languages: ['en'] });
    all.push(...window.segments);
    while (window.hasAfter) {
      window = await getSegmentWindow({ actor: ANONYMOUS, workId: work.workId, languages: ['en'], after: window.segments.at(-1)?.orderKey });
      all.push(...window.segments);
    }
    const target = all.find((s) => s.texts.en?.text === 'Sentence 80.2 goes on.');
    if (!target) throw new Error('target sentence missing');
    const around = await getSegmentWindow({ actor: ANONYMOUS, workId: work.workId, languages: ['en'], around: target.id });
    const index = around.segments.findIndex((s) => s.id === target.id);
    expect(index).toBe(5);
    expect(around.hasBefore).toBe(true);
  });

  it('answers NOT_FOUND for unknown works and segments, and for ids that are not ids', async () => {
    const work = await buildWork();
    expect(await errorCodeOf(getSegmentWindow({ actor: ANONYMOUS, workId: '00000000-0000-7000-8000-000000000000', languages: ['en'] }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(getSegmentWindow({ actor: ANONYMOUS, workId: 'not-a-uuid', languages: ['en'] }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(getSegmentWindow({ actor: ANONYMOUS, workId: work.workId, languages: ['en'], around: '00000000-0000-7000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(locateSegment({ actor: ANONYMOUS, segmentId: "1' OR '1'='1" }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(getWorkOverview({ actor: ANONYMOUS, workId: 'nope' }))).toBe('NOT_FOUND');
  });
});

describe('permalinks', () => {
  it('resolve a segment to its work; a paragraph resolves to its first sentence', async () => {
    const work = await buildWork();
    const window = await getSegmentWindow({ actor: ANONYMOUS, workId: work.workId, languages: ['en'] });
    const paragraph = window.segments.find((s) => s.kind === 'PARAGRAPH');
    const firstSentence = window.segments.find((s) => s.parentId === paragraph?.id);
    expect(await locateSegment({ actor: ANONYMOUS, segmentId: firstSentence?.id ?? '' })).toEqual({ workId: work.workId, segmentId: firstSentence?.id, isRetired: false, replacedFrom: null });
    expect(await locateSegment({ actor: ANONYMOUS, segmentId: paragraph?.id ?? '' })).toEqual({ workId: work.workId, segmentId: firstSentence?.id, isRetired: false, replacedFrom: null });
  });
});

describe('work overview and library', () => {
  it('shows the table of contents, languages with progress, and abilities per actor', async () => {
    const work = await buildWork({ text: '# Title\n\nOne. Two.\n\n## Chapter\n\nThree.\n' });
    await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'de', format: 'md', text: '# Titel\n\nEins. Zwei.\n\n## Kapitel\n\nDrei.\n' });
    const overview = await getWorkOverview({ actor: ANONYMOUS, workId: work.workId });
    expect(overview.toc.map((entry) => [entry.level, entry.text])).toEqual([
      [1, 'Title'],
      [2, 'Chapter'],
    ]);
    expect(overview.languages.map(({ language, isSource, approved, total }) => ({ language, isSource, approved, total }))).toEqual([
      { language: 'en', isSource: true, approved: 5, total: 5 },
      { language: 'de', isSource: false, approved: 5, total: 5 },
    ]);
    expect(overview.abilities).toEqual({ canImport: false, canEdit: false, canAlign: false, canDownloadOriginal: false, canSuggest: false });
    const volunteer = await buildUser();
    expect((await getWorkOverview({ actor: volunteer.actor, workId: work.workId })).abilities).toEqual({ canImport: false, canEdit: true, canAlign: false, canDownloadOriginal: false, canSuggest: true });

    const window = await getSegmentWindow({ actor: ANONYMOUS, workId: work.workId, languages: ['en', 'de'] });
    const three = window.segments.find((s) => s.texts.en?.text === 'Three.');
    expect(three?.texts.de).toEqual({ text: 'Drei.', status: 'APPROVED', continuesPrevious: false, alignScore: null, emphasis: [] });

    const library = await findLibrary({ actor: ANONYMOUS });
    const listed = library.flatMap((c) => c.works).find((w) => w.id === work.workId);
    expect(listed?.languages.map((l) => l.language)).toEqual(['en', 'de']);
  });

  it('refuses a translation that does not match segment for segment, and a second one in the same language', async () => {
    const work = await buildWork({ text: 'One. Two. Three.' });
    await expect(addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr', format: 'txt', text: 'Un. Deux.' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('3 text segments, the translation 2') as unknown as string,
    });
    await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr', format: 'txt', text: 'Un. Deux. Trois.' });
    expect(await errorCodeOf(addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr', format: 'txt', text: 'Un. Deux. Trois.' }))).toBe('CONFLICT');
    const volunteer = await buildUser();
    expect(await errorCodeOf(addTranslationBySegmentOrder({ actor: volunteer.actor, workId: work.workId, language: 'it', format: 'txt', text: 'Uno. Due. Tre.' }))).toBe('FORBIDDEN');
  });
});

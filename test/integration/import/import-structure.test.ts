import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ANONYMOUS, SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importWork } from '../../../lib/import/import-work';
import type { ExportedSegment } from '../../../lib/reader/export-work-jsonl';
import { getSegmentWindow } from '../../../lib/reader/get-segment-window';
import { readExport } from '../../helpers/export';
import { buildCollection } from '../../helpers/factories';

/** The shared corpus lives next to the project root, outside the repository; it is read, never copied. */
const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

describe('importing a dialogue', () => {
  it('stores the interview’s paragraphs as turns of Wells and Stalin, their names out of the text', async () => {
    const collection = await buildCollection();
    const name = 'wells-stalin-interview-1934.en.txt';
    const bytes = await readFile(path.join(CORPUS, name));
    const summary = await importWork({ actor: SYSTEM_ACTOR, file: { name, bytes }, collection: { id: collection.id }, metadata: { title: 'Interview', language: 'en' } });
    expect(summary.cleanup.find((line) => line.ruleId === 'speaker-turns')?.count).toBeGreaterThan(40);

    const db = getDb();
    const paragraphs = await db.segment.findMany({
      where: { workId: summary.workId, kind: 'PARAGRAPH' },
      orderBy: { orderKey: 'asc' },
      select: { id: true, style: true, speaker: true, children: { orderBy: { orderKey: 'asc' }, select: { texts: { select: { publishedRevision: { select: { text: true } } } } } } },
    });
    const turns = paragraphs.filter((paragraph) => paragraph.style === 'SPEAKER_TURN');
    expect(turns.length / paragraphs.length).toBeGreaterThan(0.8);
    expect(new Set(turns.map((turn) => turn.speaker))).toEqual(new Set(['Wells', 'Stalin']));
    expect(turns.slice(0, 2).map((turn) => turn.speaker)).toEqual(['Wells', 'Stalin']);
    // The speakers take turns: most turns answer the other speaker.
    const changes = turns.filter((turn, k) => k > 0 && turn.speaker !== turns[k - 1]?.speaker).length;
    expect(changes / turns.length).toBeGreaterThan(0.6);

    const texts = paragraphs.flatMap((paragraph) => paragraph.children.map((sentence) => sentence.texts[0]?.publishedRevision?.text ?? ''));
    expect(texts.filter((text) => /^(?:Wells|Stalin)\s*[.:]/u.test(text))).toEqual([]);
    // Nothing but the names left the text: "Mr. Stalin" inside a turn stays.
    expect(texts.some((text) => text.includes('Mr. Stalin'))).toBe(true);

    const lines: ExportedSegment[] = (await readExport(ANONYMOUS, summary.workId)).segments;
    const exportedTurns = lines.filter((line) => line.style === 'speaker_turn');
    expect(exportedTurns.map((line) => line.id)).toEqual(turns.map((turn) => turn.id));
    expect(exportedTurns.map((line) => line.speaker)).toEqual(turns.map((turn) => turn.speaker));
    expect(lines.filter((line) => line.kind === 'sentence').every((line) => line.style === 'prose' && line.speaker === null)).toBe(true);
  });

  it('gives the reader each sentence’s paragraph layout, also in a window that starts inside a paragraph', async () => {
    const collection = await buildCollection();
    const text = ['Ada. I came to ask about the bridge. It has been closed since May.', 'Brook. It was the council.', 'Ada. Who told you? Nobody told me.', 'Brook. The ferryman did.', 'He knows everything:', '1) who closed it;', '   a) the council,', '   b) the mayor;', '2) why.'].join('\n\n');
    const summary = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'talk.txt', bytes: new TextEncoder().encode(text) }, collection: { id: collection.id }, metadata: { title: 'Talk', language: 'en' } });
    const all = await getSegmentWindow({ actor: ANONYMOUS, workId: summary.workId, languages: ['en'] });
    expect(all.segments.filter((segment) => segment.kind === 'PARAGRAPH').map((segment) => segment.layout)).toEqual([
      { style: 'SPEAKER_TURN', speaker: 'Ada', marker: null, depth: 0 },
      { style: 'SPEAKER_TURN', speaker: 'Brook', marker: null, depth: 0 },
      { style: 'SPEAKER_TURN', speaker: 'Ada', marker: null, depth: 0 },
      { style: 'SPEAKER_TURN', speaker: 'Brook', marker: null, depth: 0 },
      { style: 'PROSE', speaker: null, marker: null, depth: 0 },
      { style: 'LIST_ITEM', speaker: null, marker: '1)', depth: 0 },
      { style: 'LIST_ITEM', speaker: null, marker: 'a)', depth: 1 },
      { style: 'LIST_ITEM', speaker: null, marker: 'b)', depth: 1 },
      { style: 'LIST_ITEM', speaker: null, marker: '2)', depth: 0 },
    ]);
    const first = all.segments.find((segment) => segment.kind === 'SENTENCE');
    const window = await getSegmentWindow({ actor: ANONYMOUS, workId: summary.workId, languages: ['en'], after: first?.orderKey });
    const [second] = window.segments;
    expect([second?.kind, second?.texts.en?.text, second?.layout]).toEqual(['SENTENCE', 'It has been closed since May.', { style: 'SPEAKER_TURN', speaker: 'Ada', marker: null, depth: 0 }]);
  });
});

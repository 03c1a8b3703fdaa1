import { describe, expect, it } from 'vitest';

import { groupBlocks, groupRuns, speakerToShow } from '../../../components/reader/group-blocks';
import type { ReaderLayout, ReaderSegment } from '../../../lib/reader/types';

const PROSE: ReaderLayout = { style: 'PROSE', speaker: null, marker: null, depth: 0 };
const turn = (speaker: string): ReaderLayout => ({ style: 'SPEAKER_TURN', speaker, marker: null, depth: 0 });
const item = (marker: string | null): ReaderLayout => ({ style: 'LIST_ITEM', speaker: null, marker, depth: 0 });
const QUOTE: ReaderLayout = { style: 'QUOTE', speaker: null, marker: null, depth: 0 };

let order = 0;
function segment(kind: ReaderSegment['kind'], id: string, parentId: string | null, layout: ReaderLayout): ReaderSegment {
  order += 1;
  return { id, kind, level: kind === 'HEADING' ? 1 : 0, label: null, orderKey: `k${order}`, parentId, layout, pages: [], footnoteRefs: [], referencedBy: [], texts: { en: { text: id, status: 'APPROVED', continuesPrevious: false, alignScore: null, emphasis: [] } } };
}

/** A paragraph row and its sentences, all carrying the paragraph's layout. */
const paragraph = (id: string, layout: ReaderLayout, sentences = 1) => [segment('PARAGRAPH', id, null, layout), ...Array.from({ length: sentences }, (_, k) => segment('SENTENCE', `${id}.${k}`, id, layout))];

describe('reader layout runs', () => {
  it('groups consecutive quotation paragraphs and list items, and leaves other blocks alone', () => {
    const segments = [segment('HEADING', 'h', null, PROSE), ...paragraph('p1', PROSE), ...paragraph('q1', QUOTE), ...paragraph('q2', QUOTE, 2), ...paragraph('l1', item('1.')), ...paragraph('l1b', item(null)), ...paragraph('l2', item('2.')), ...paragraph('p2', PROSE), ...paragraph('q3', QUOTE)];
    const runs = groupRuns(groupBlocks(segments));
    expect(runs.map((run) => (run.kind === 'block' ? run.block.key : `${run.kind}:${run.paragraphs.map((block) => block.key).join(',')}`))).toEqual(['h', 'p1', 'quote:q1,q2', 'list:l1,l1b,l2', 'p2', 'quote:q3']);
  });

  it('knows a paragraph’s layout from its sentences when the window starts inside it', () => {
    const [, ...sentences] = paragraph('t1', turn('Wells'), 2);
    const [block] = groupBlocks(sentences);
    expect(block?.kind === 'paragraph' && block.layout).toEqual(turn('Wells'));
  });

  it('shows the speaker where a turn begins, not on the further paragraphs of one turn', () => {
    expect(speakerToShow(turn('Wells'), null)).toBe('Wells');
    expect(speakerToShow(turn('Wells'), PROSE)).toBe('Wells');
    expect(speakerToShow(turn('Stalin'), turn('Wells'))).toBe('Stalin');
    expect(speakerToShow(turn('Stalin'), turn('Stalin'))).toBeNull();
    expect(speakerToShow(QUOTE, turn('Stalin'))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';

import { GET as segments } from '../../../app/api/works/[workId]/segments/route';
import { ANONYMOUS } from '../../../lib/auth/permissions';
import { getDb, withTransaction } from '../../../lib/db/client';
import { getSegmentWindow } from '../../../lib/reader/get-segment-window';
import type { SegmentWindow } from '../../../lib/reader/types';
import { writeRevision } from '../../../lib/revision/write-revision';
import { buildCollection, buildWork } from '../../helpers/factories';
import { callRoute } from '../../helpers/requests';

/** A made-up work with a numbered note at its end and an asterisk note at the foot of its page. */
const TEXT = [
  'The delegates argued about the harvest for a long time.1 Nobody agreed on the figures, and the',
  'meeting was adjourned until the week after, when the reports arrived and were read out.2',
  'He skipped over* the stage, as the author said of it, and went on to the next',
  'thing that had to be done, which he did without a word to anybody at all.',
  '* My italics.',
  '',
  'NOTES',
  '1 The harvest of that year was the worst in a decade.',
  '2 The reports came from the provincial committees.',
].join('\n');

async function referringWindow(workId: string, actor = ANONYMOUS, languages = ['en']): Promise<SegmentWindow['segments'][number]['footnoteRefs']> {
  return (await getSegmentWindow({ actor, workId, languages })).segments.flatMap((segment) => segment.footnoteRefs);
}

describe('notes shown in place from their markers', () => {
  it('refuses what the reader may not see: a note of another collection, or a retired note, comes with no reference', async () => {
    const work = await buildWork({ text: TEXT, filename: 'notes.txt' });
    const refs = await referringWindow(work.workId);
    expect(refs.map((ref) => ref.label)).toEqual(['1', '2', '*']);
    // A reference made to point at a note of another collection (a volume never does this): left out.
    const other = await buildWork({ text: TEXT, filename: 'notes.txt' });
    const foreignNote = await getDb().segment.findFirstOrThrow({ where: { workId: other.workId, kind: 'FOOTNOTE', label: '1' }, select: { id: true } });
    const first = await getDb().footnoteRef.findFirstOrThrow({ where: { footnote: { workId: work.workId }, label: '1' }, select: { id: true } });
    await getDb().footnoteRef.update({ where: { id: first.id }, data: { footnoteId: foreignNote.id } });
    expect((await referringWindow(work.workId)).map((ref) => ref.label)).toEqual(['2', '*']);
    // A retired note: its reference is not shown either.
    const second = await getDb().segment.findFirstOrThrow({ where: { workId: work.workId, kind: 'FOOTNOTE', label: '2' }, select: { id: true } });
    await getDb().segment.update({ where: { id: second.id }, data: { retiredAt: new Date() } });
    expect((await referringWindow(work.workId)).map((ref) => ref.label)).toEqual(['*']);
  });

  it('sends each reference with its note in the languages read, to anyone, in the window itself', async () => {
    const collection = await buildCollection();
    const work = await buildWork({ text: TEXT, filename: 'notes.txt', collectionId: collection.id });
    const notes = await getDb().segment.findMany({ where: { workId: work.workId, kind: 'FOOTNOTE' }, orderBy: { orderKey: 'asc' }, select: { id: true, label: true } });
    expect(notes.map((note) => note.label)).toEqual(['*', '1', '2']);
    const harvest = notes[1]?.id as string;
    await withTransaction(getDb(), (tx) => writeRevision({ tx, segmentId: harvest, language: 'fr', text: 'La récolte de cette année fut la pire de la décennie.', origin: 'EDIT', authorId: null, expectedRevisionId: null }));

    // Anonymous reading through the route: the window holds the notes, no other request needed.
    const response = await callRoute(segments, `/api/works/${work.workId}/segments?langs=en,fr`, { params: { workId: work.workId } });
    expect(response.status).toBe(200);
    const window = (await response.json()) as SegmentWindow;
    const refs = window.segments.flatMap((segment) => segment.footnoteRefs);
    expect(refs.map((ref) => [ref.label, ref.footnoteId, ref.note.label])).toEqual([
      ['1', harvest, '1'],
      ['2', notes[2]?.id, '2'],
      ['*', notes[0]?.id, '*'],
    ]);
    expect(refs[0]?.note).toEqual({
      label: '1',
      workId: work.workId,
      texts: { en: 'The harvest of that year was the worst in a decade.', fr: 'La récolte de cette année fut la pire de la décennie.' },
    });
    expect(refs[2]?.note.texts).toEqual({ en: 'My italics.' });
    // Only the languages asked for.
    expect((await referringWindow(work.workId, ANONYMOUS, ['en']))[0]?.note.texts).toEqual({ en: 'The harvest of that year was the worst in a decade.' });
  });
});

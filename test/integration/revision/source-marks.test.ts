import { beforeAll, describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion } from '../../../lib/review/decide-suggestion';
import { buildWork } from '../../helpers/factories';

const WORK_TEXT = `# A Work With Notes

The scanner wrote tbe first [Page 8] sentence of the page here. A second sentence has a note[^1] and goes on.

[^1]: The note itself.
`;

interface Marked {
  segmentId: string;
  text: string;
  revisionId: string;
  notes: number[];
  pages: number[];
}

/** A segment's published English text with the offsets of its footnote markers and page beginnings. */
async function marked(workId: string, contains: string): Promise<Marked> {
  const segments = await getDb().segment.findMany({
    where: { workId, kind: 'SENTENCE', retiredAt: null },
    select: {
      id: true,
      texts: { where: { language: 'en' }, select: { publishedRevisionId: true, publishedRevision: { select: { text: true } } } },
      noteRefs: { select: { charOffset: true }, orderBy: { charOffset: 'asc' } },
      anchors: { select: { charOffset: true }, orderBy: { charOffset: 'asc' } },
    },
  });
  const segment = segments.find((row) => row.texts[0]?.publishedRevision?.text.includes(contains));
  if (!segment) throw new Error(`no sentence holds ${contains}`);
  return {
    segmentId: segment.id,
    text: segment.texts[0]?.publishedRevision?.text as string,
    revisionId: segment.texts[0]?.publishedRevisionId as string,
    notes: segment.noteRefs.map((ref) => ref.charOffset),
    pages: segment.anchors.map((anchor) => anchor.charOffset),
  };
}

async function publish(segment: Marked, language: string, text: string, baseRevisionId: string | null): Promise<void> {
  const { suggestionId } = await createSuggestion({ actor: SYSTEM_ACTOR, input: { segmentId: segment.segmentId, language, text, baseRevisionId } });
  await approveSuggestion({ actor: SYSTEM_ACTOR, input: { suggestionId } });
}

describe('footnote markers and page beginnings in a corrected source text', () => {
  let workId: string;
  beforeAll(async () => {
    workId = (await buildWork({ text: WORK_TEXT })).workId;
  });

  it('stay by their words when an approved correction changes the length of the text before them', async () => {
    const before = await marked(workId, 'has a note');
    expect(before.text.slice(0, before.notes[0])).toMatch(/has a note$/u);
    const corrected = `In this edition, a second sentence has a footnote note and goes on.`;
    await publish(before, 'en', corrected.replace('footnote note', 'note'), before.revisionId);
    const after = await marked(workId, 'has a note');
    expect(after.text.slice(0, after.notes[0])).toBe('In this edition, a second sentence has a note');

    // The word before the marker corrected: the marker stays after it.
    await publish(after, 'en', after.text.replace('a note', 'an annotation'), after.revisionId);
    const again = await marked(workId, 'annotation');
    expect(again.text.slice(0, again.notes[0])).toBe('In this edition, a second sentence has an annotation');
    // Words added right after the marked word go after the marker.
    await publish(again, 'en', again.text.replace('annotation and', 'annotation, added later, and'), again.revisionId);
    const added = await marked(workId, 'added later');
    expect(added.text.slice(0, added.notes[0])).toBe('In this edition, a second sentence has an annotation');
  });

  it('keep a page beginning at its first word, through a correction before it and one of that word', async () => {
    const before = await marked(workId, 'tbe first');
    expect(before.text.slice(before.pages[0])).toMatch(/^sentence of the page/u);
    await publish(before, 'en', before.text.replace('tbe first', 'the very first'), before.revisionId);
    const after = await marked(workId, 'very first');
    expect(after.text.slice(after.pages[0])).toMatch(/^sentence of the page/u);
    await publish(after, 'en', after.text.replace('sentence of', 'sentences of'), after.revisionId);
    const again = await marked(workId, 'sentences of');
    expect(again.text.slice(again.pages[0])).toMatch(/^sentences of the page/u);
    // Everything before the page removed: the page begins where the text does.
    await publish(again, 'en', again.text.slice(again.pages[0]), again.revisionId);
    const cut = await marked(workId, 'sentences of');
    expect(cut.pages).toEqual([0]);
  });

  it('do not move for a translation, whose offsets they are not', async () => {
    await getDb().workLanguage.create({ data: { workId, language: 'fr' } });
    const source = await marked(workId, 'annotation');
    await publish(source, 'fr', 'Une traduction beaucoup plus longue que la phrase anglaise, avec sa note et la suite.', null);
    const after = await marked(workId, 'annotation');
    expect(after.notes).toEqual(source.notes);
  });
});

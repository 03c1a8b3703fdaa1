import { beforeAll, describe, expect, it } from 'vitest';

import { GET as segmentsRoute } from '../../../app/api/works/[workId]/segments/route';
import { ANONYMOUS, type Actor } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { findEditorRows } from '../../../lib/editor/find-editor-rows';
import type { ExportedSegment } from '../../../lib/reader/export-work-jsonl';
import type { SegmentWindow } from '../../../lib/reader/types';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion } from '../../../lib/review/decide-suggestion';
import { revertToRevision } from '../../../lib/review/revision-history';
import { proposeStructuralEdit } from '../../../lib/structure/propose-structural-edit';
import { readExport } from '../../helpers/export';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute } from '../../helpers/requests';

/** A made-up web page with italics. */
const PAGE = '<html><body><article><h1>On <em>the</em> Bridge</h1><p>The bridge was <em>not</em> closed, he said. <i>Then</i> it was closed for <em>good and all</em>.</p></article></body></html>';

/** Made-up prose whose vocabulary knows the letter-spaced words of its last line. */
const SCAN = `${'It was the first time that its members met at noon, and its first report was short. '.repeat(4)}\n\nAt i t s f i r s t sitting the committee met.\n`;

interface Text {
  segmentId: string;
  text: string;
  revisionId: string;
  emphasis: string[];
}

/** The work's published English texts in reading order, each with its emphasised words. */
async function textsOf(workId: string): Promise<Text[]> {
  const rows = await getDb().segmentText.findMany({
    where: { language: 'en', segment: { workId, retiredAt: null } },
    orderBy: { segment: { orderKey: 'asc' } },
    select: { segmentId: true, publishedRevisionId: true, publishedRevision: { select: { text: true, emphasis: true } } },
  });
  return rows.map((row) => {
    const text = row.publishedRevision?.text ?? '';
    const pairs = row.publishedRevision?.emphasis ?? [];
    const emphasis: string[] = [];
    for (let index = 0; index + 1 < pairs.length; index += 2) emphasis.push(text.slice(pairs[index], pairs[index + 1]));
    return { segmentId: row.segmentId, text, revisionId: row.publishedRevisionId as string, emphasis };
  });
}

const find = (texts: readonly Text[], words: string): Text => {
  const found = texts.find((text) => text.text.includes(words));
  if (!found) throw new Error(`No text with “${words}”`);
  return found;
};

async function exported(workId: string): Promise<ExportedSegment[]> {
  return (await readExport(ANONYMOUS, workId)).segments;
}

describe('emphasis stored beside the text', () => {
  let collectionId: string;
  let volunteer: Actor & { kind: 'user' };
  let editor: Actor & { kind: 'user' };

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    volunteer = (await buildUser()).actor as Actor & { kind: 'user' };
    editor = (await grantRole((await buildUser()).id, collectionId, 'EDITOR')) as Actor & { kind: 'user' };
  });

  const suggestAndApprove = async (segmentId: string, baseRevisionId: string, text: string) => {
    const { suggestionId } = await createSuggestion({ actor: volunteer, input: { segmentId, language: 'en', text, baseRevisionId } });
    await approveSuggestion({ actor: editor, input: { suggestionId } });
  };

  it('imports a web page’s italics and a scan’s letter-spaced words as emphasis at their offsets', async () => {
    const page = await buildWork({ collectionId, text: PAGE, filename: 'bridge.html' });
    expect((await textsOf(page.workId)).map((text) => [text.text, text.emphasis])).toEqual([
      ['On the Bridge', ['the']],
      ['The bridge was not closed, he said.', ['not']],
      ['Then it was closed for good and all.', ['Then', 'good and all']],
    ]);
    const scan = await buildWork({ collectionId, text: SCAN, filename: 'scan.txt' });
    expect(find(await textsOf(scan.workId), 'sitting')).toMatchObject({ text: 'At its first sitting the committee met.', emphasis: ['its first'] });
  });

  it('keeps the emphasised words emphasised when a correction of the sentence is approved, and drops what was deleted', async () => {
    const { workId } = await buildWork({ collectionId, text: PAGE, filename: 'bridge.html' });
    const then = find(await textsOf(workId), 'Then it was');
    await suggestAndApprove(then.segmentId, then.revisionId, 'Then, they say, it was closed for good and for all.');
    const corrected = find(await textsOf(workId), 'for all');
    // Words added after an emphasis stay out of it; words added inside it are in.
    expect(corrected).toMatchObject({ text: 'Then, they say, it was closed for good and for all.', emphasis: ['Then', 'good and for all'] });

    await suggestAndApprove(corrected.segmentId, corrected.revisionId, 'And it was closed.');
    expect(find(await textsOf(workId), 'And it was')).toMatchObject({ emphasis: [] });

    // Publishing the first version again brings its own emphasis back.
    const history = await getDb().revision.findFirstOrThrow({ where: { segmentText: { segmentId: then.segmentId, language: 'en' }, origin: 'IMPORT' }, select: { id: true } });
    const current = find(await textsOf(workId), 'And it was');
    await revertToRevision({ actor: editor, input: { segmentId: then.segmentId, language: 'en', revisionId: history.id, expectedRevisionId: current.revisionId } });
    expect(find(await textsOf(workId), 'Then it was')).toMatchObject({ emphasis: ['Then', 'good and all'] });
  });

  it('cuts the emphasis with the text when an approved structural edit splits the sentence', async () => {
    const { workId } = await buildWork({ collectionId, text: PAGE, filename: 'bridge.html' });
    const then = find(await textsOf(workId), 'Then it was');
    const offset = then.text.indexOf(' closed');
    const { suggestionId } = await proposeStructuralEdit({ actor: volunteer, workId, input: { operation: { type: 'splitSegment', segmentId: then.segmentId, baseRevisionId: then.revisionId, offset } } });
    await approveSuggestion({ actor: editor, input: { suggestionId } });
    const texts = await textsOf(workId);
    expect(find(texts, 'Then it was')).toMatchObject({ text: 'Then it was', emphasis: ['Then'] });
    expect(find(texts, 'closed for')).toMatchObject({ text: 'closed for good and all.', emphasis: ['good and all'] });
  });

  it('sends the emphasis with the reader’s window, the segment editor’s rows and the JSONL export', async () => {
    const { workId } = await buildWork({ collectionId, text: PAGE, filename: 'bridge.html' });
    const response = await callRoute(segmentsRoute, `/api/works/${workId}/segments?langs=en`, { params: { workId } });
    expect(response.status).toBe(200);
    const window = (await response.json()) as SegmentWindow;
    const said = window.segments.find((segment) => segment.texts.en?.text.startsWith('The bridge'));
    expect(said?.texts.en?.emphasis).toEqual([{ start: 15, end: 18 }]);

    // The segment editor reads it too (its read-only source column shows it in italics).
    const { chunks } = await findEditorRows({ actor: volunteer, workId, language: 'en', fromChunk: 0 });
    const rows = chunks.flatMap((chunk) => chunk.rows);
    expect(rows.map((row) => row.source.emphasis ?? [])).toEqual([[{ start: 3, end: 6 }], [{ start: 15, end: 18 }], [{ start: 0, end: 4 }, { start: 23, end: 35 }]]);

    const lines = await exported(workId);
    expect(lines.filter((line) => line.texts.en).map((line) => line.emphasis)).toEqual([{ en: [[3, 6]] }, { en: [[15, 18]] }, { en: [[0, 4], [23, 35]] }]);
    expect(lines.find((line) => line.kind === 'paragraph')?.emphasis).toEqual({});
  });
});

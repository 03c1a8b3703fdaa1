import { describe, expect, it } from 'vitest';

import { applyEdits, runCleanup } from '../../../lib/cleanup';
import { CLEANUP_RULE_IDS } from '../../../lib/cleanup/rule-ids';
import { detectInlinePageMarkers } from '../../../lib/cleanup/rules/inline-page-markers';
import { liftFootnotes } from '../../../lib/import/lift-footnotes';
import { prepareText } from '../../../lib/import/prepare-text';
import type { SegmentRow } from '../../../lib/segment/build-segment-rows';

/** Counterexamples the property tests found (shrunk), kept as plain tests. */

const paragraph = (): SegmentRow => ({ kind: 'PARAGRAPH', level: 0, label: null, text: null, parentIndex: null, pages: [] });
const sentence = (text: string, pages: SegmentRow['pages']): SegmentRow => ({ kind: 'SENTENCE', level: 0, label: null, text, parentIndex: 0, pages });

describe('regressions found by the property tests', () => {
  it('removes two page markers one space apart without overlapping edits', () => {
    // The cleanup threw "overlapping or invalid edit", so such an upload could not be imported.
    const text = '— И [Page 12] [Page 12].\n— И.\nThe.\n';
    expect(() => runCleanup(text)).not.toThrow();
    const proposal = detectInlinePageMarkers({ text: 'Brook [Page 12] [Page 13]. Four', format: 'txt' });
    expect(applyEdits('Brook [Page 12] [Page 13]. Four', proposal.edits)).toBe('Brook. Four');
    expect(proposal.data?.pages?.map((page) => page.label)).toEqual(['12', '13']);
  });

  it('cleans a text of 200,000 list items without overflowing the stack', () => {
    // Each rule's findings were spread into push(), which overflows past about 120,000 arguments.
    const enabled = Object.fromEntries(CLEANUP_RULE_IDS.map((id) => [id, id === 'lists']));
    expect(runCleanup('- a\n'.repeat(200_000), { enabled }).blocks).toHaveLength(200_000);
  });

  it('keeps the sentence before a note line that follows a lone carriage return', () => {
    // The footnote rule saw a line start after the CR, the import none, and put the note's label
    // at the start of the line before, over "The.".
    const prepared = prepareText({ bytes: new TextEncoder().encode('The.1\r1 The.\n2 The.\n— The.\n'), filename: 'notes.txt', language: 'en' });
    const texts = prepared.rows.map((row) => row.text ?? '').join(' ');
    expect(texts.match(/The/gu)).toHaveLength(4);
  });

  it('keeps a page that began inside a removed footnote reference inside the text', () => {
    // The page moved back by the whole marker, to offset −2.
    const [, lifted] = liftFootnotes([paragraph(), sentence('A[^1] b', [{ label: '9', offset: 2 }])]);
    expect(lifted?.text).toBe('A b');
    expect(lifted?.pages).toEqual([{ label: '9', offset: 1 }]);
  });

  it('moves the pages of a heading that keeps a note label as text', () => {
    const [heading] = liftFootnotes([{ kind: 'HEADING', level: 2, label: null, text: '[^1]: Notes on it', parentIndex: null, pages: [{ label: '4', offset: 6 }] }]);
    expect(heading?.text).toBe('1 Notes on it');
    expect(heading?.text?.slice(heading.pages[0]?.offset)).toBe('Notes on it');
  });
});

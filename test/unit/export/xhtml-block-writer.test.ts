import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';

import type { ExportBlock } from '../../../lib/export/types';
import { XHTML_NS, XhtmlBlockWriter } from '../../../lib/export/xhtml/xhtml-block-writer';

const document = new DOMImplementation().createDocument(XHTML_NS, 'html', null);
const serialize = (elements: unknown[]) => elements.map((element) => new XMLSerializer().serializeToString(element as Parameters<XMLSerializer['serializeToString']>[0])).join('');

const paragraph = (texts: Record<string, string>): ExportBlock => ({
  kind: 'paragraph',
  id: 'p1',
  workId: 'w',
  orderKey: 'a',
  layout: { style: 'SPEAKER_TURN', speaker: 'Ada', marker: null, depth: 0 },
  texts: Object.fromEntries(Object.entries(texts).map(([language, text]) => [language, [{ segmentId: 's1', language, isFallback: false, runs: [{ type: 'text', text, isEmphasis: false }, { type: 'page', anchorId: 'a7', label: '7' }] }]])),
});

describe('XHTML blocks', () => {
  it('sets right-to-left languages in their direction, side by side in a two-column row', () => {
    const pages: string[] = [];
    const writer = new XhtmlBlockWriter({ document, isEpub: true, shown: ['ar', 'en'], arrangement: 'side-by-side', hasIds: true, headingShift: 0, noteHref: (id) => `#n-${id}`, onPage: (page) => pages.push(page.label) });
    const html = serialize(writer.block(paragraph({ ar: 'مرحبا <b>', en: 'Hello' })));
    // A paragraph needs no id: the contents link to headings, markers to notes, the page list to pages.
    expect(html).toMatch(/^<table class="pair" xmlns="[^"]+"><tr>/u);
    expect(html).toContain('<td lang="ar" xml:lang="ar" dir="rtl">');
    expect(html).toContain('<b class="speaker">Ada</b> مرحبا &lt;b&gt;');
    expect(html).toContain('epub:type="pagebreak"');
    expect(pages).toEqual(['7', '7']);
  });

  it('names the speaker only where a turn begins, and marks pages the shown language lacks', () => {
    const pages: string[] = [];
    const writer = new XhtmlBlockWriter({ document, isEpub: false, shown: ['ru'], arrangement: 'alternating', hasIds: true, headingShift: 1, noteHref: (id) => `#n-${id}`, onPage: (page) => pages.push(page.label) });
    const first = serialize(writer.block(paragraph({ ru: 'Да.', en: 'Yes.' })));
    const second = serialize(writer.block({ ...paragraph({ ru: 'Нет.' }), id: 'p2' }));
    expect(first).toContain('<b class="speaker">Ada</b>');
    expect(first).not.toContain('Yes.');
    expect(second).not.toContain('speaker');
    // The page of the English text is marked in the Russian paragraph, once more for the second.
    expect(pages).toEqual(['7', '7', '7']);
    expect(first).not.toContain('epub:type');
  });
});

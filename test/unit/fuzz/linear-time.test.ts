import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { applyEdits } from '../../../lib/cleanup';
import { detectBlockQuotes } from '../../../lib/cleanup/rules/block-quotes';
import { detectDehyphenation } from '../../../lib/cleanup/rules/dehyphenation';
import { detectEllipses } from '../../../lib/cleanup/rules/ellipses';
import { detectFootnoteMarkers } from '../../../lib/cleanup/rules/footnote-markers';
import { detectInlinePageMarkers } from '../../../lib/cleanup/rules/inline-page-markers';
import { detectLineJoins } from '../../../lib/cleanup/rules/line-joins';
import { detectLists } from '../../../lib/cleanup/rules/lists';
import { detectQuotationMarks } from '../../../lib/cleanup/rules/quotation-marks';
import { detectRunningHeaders } from '../../../lib/cleanup/rules/running-headers';
import { detectAnthology, detectWorks } from '../../../lib/cleanup/split';
import { liftFootnotes } from '../../../lib/import/lift-footnotes';
import { prepareText } from '../../../lib/import/prepare-text';
import { findSuspects } from '../../../lib/proofread/find-suspects';
import type { SegmentRow } from '../../../lib/segment/build-segment-rows';
import { EMPHASIS_CLOSE, EMPHASIS_OPEN } from '../../../lib/segment/emphasis';
import { segmentDocument, splitSentences } from '../../../lib/segment/segmenter';
import { atxHeadingOf } from '../../../lib/segment/segmenter/markdown-structure';
import { propertyOptions } from '../../helpers/arbitraries';

/*
 * Adversarial inputs for the places that took super-linear time: backtracking regular expressions
 * tried from every character of a long run, and loops that re-read a growing range. Each input is
 * a few hundred kilobytes (an upload may hold ten megabytes) and took minutes to hours before the
 * fix; now each takes well under a second, so the runner's timeout is what fails a regression.
 * docs/security.md lists them.
 */

const hardWrapped = Array.from({ length: 40 }, (_, line) => `Line ${line} of a paragraph wrapped at a column width of sixty.`).join('\n');
const paragraphRow = (): SegmentRow => ({ kind: 'PARAGRAPH', level: 0, label: null, text: null, parentIndex: null, pages: [] });
const sentenceRow = (text: string, pages: SegmentRow['pages'] = []): SegmentRow => ({ kind: 'SENTENCE', level: 0, label: null, text, parentIndex: 0, pages });

describe('proofreading checks in linear time', () => {
  it('one word of 200,000 letters, hyphens and mixed alphabets, and 50,000 distinct odd words', () => {
    const long = `${'aB-в1'.repeat(40_000)}x`;
    const many = Array.from({ length: 50_000 }, (_, i) => `wo${String.fromCharCode(65 + (i % 26))}ks${i}`).join(' ');
    const found = findSuspects({ texts: [{ segmentId: 'a', text: long, isChecked: true }, { segmentId: 'b', text: many, isChecked: true }], speller: { isKnown: () => false } });
    expect(found).toHaveLength(50_001);
    expect(found.every((suspect) => suspect.correction === null || suspect.word.length <= 30)).toBe(true);
  });
});

describe('cleanup rules in linear time', () => {
  it('de-hyphenation: 50,000 words broken at a page foot with a note between their halves', () => {
    const text = 'The govern-\n* A note.\nment rules.\n'.repeat(50_000);
    const proposal = detectDehyphenation({ text, format: 'txt' });
    expect(proposal.summary).toContain('50000 across page-foot notes');
  });

  it('line joins: a line of 200,000 points in hard-wrapped text', () => {
    const text = `${hardWrapped}\n${'.'.repeat(200_000)} a b\n${hardWrapped}`;
    const { edits } = detectLineJoins({ text, format: 'txt' });
    expect(edits.length).toBeGreaterThan(0);
    expect(applyEdits(text, edits).replace(/\s+/gu, '')).toBe(text.replace(/\s+/gu, ''));
  });

  it('lists: a line of 300,000 points, read as a contents line or not', () => {
    expect(detectLists({ text: `${'.'.repeat(300_000)}a`, format: 'txt' }).count).toBe(0);
  });

  it('block quotations: an introduction line ending in 400,000 blanks', () => {
    expect(detectBlockQuotes({ text: `Intro:${' '.repeat(400_000)}x\n\n“Quoted.”`, format: 'txt' }).count).toBe(0);
  });

  it('running headers: a line with 400,000 blanks inside', () => {
    expect(detectRunningHeaders({ text: `a${' '.repeat(400_000)}b`, format: 'txt' }).edits).toEqual([]);
  });

  it('footnote markers: half of 998 markers lost in one line of 100,000 numbers that could stand for them', () => {
    // Every missing note looks for its marker between its neighbours' (the line was searched for its
    // next break at every number before: quadratic).
    const body = Array.from({ length: 499 }, (_, i) => `word,${2 * i + 1} ${'“x.” 5 '.repeat(200)}`).join('');
    const notes = Array.from({ length: 998 }, (_, i) => `${i + 1} Note text.`).join('\n');
    expect(detectFootnoteMarkers({ text: `${body}\nNOTES\n${notes}`, format: 'txt' }).count).toBe(499);
  });

  it('footnote markers: 40,000 runs of two notes, each after its own markers', () => {
    const text = Array.from({ length: 40_000 }, () => 'A crisis,1 and the war,2 ended.\n1 The crisis.\n2 The war.').join('\n');
    expect(detectFootnoteMarkers({ text, format: 'txt' }).count).toBe(80_000);
  });

  it('inline page markers: 100,000 markers on one line', () => {
    const text = 'a [p. 1] '.repeat(100_000);
    const proposal = detectInlinePageMarkers({ text, format: 'txt' });
    expect(proposal.count).toBe(100_000);
    expect(applyEdits(text, proposal.edits)).not.toContain('[p.');
  });
});

describe('punctuation repairs in linear time', () => {
  it('quotation marks: a paragraph of 200,000 marks, every one open to turning', () => {
    const text = `“A start. ${'” a “ '.repeat(100_000)}`;
    const proposal = detectQuotationMarks({ text, format: 'txt' });
    expect(proposal.count).toBeGreaterThan(0);
    expect(applyEdits(text, proposal.edits).length).toBeLessThanOrEqual(text.length);
  });

  it('ellipses: 150,000 runs of stops, and one run of 300,000', () => {
    expect(detectEllipses({ text: 'a۔۔'.repeat(150_000), format: 'txt' }).count).toBe(150_000);
    expect(detectEllipses({ text: `a${'۔'.repeat(300_000)}b`, format: 'txt' }).count).toBe(1);
  });
});

describe('volume splitter in linear time', () => {
  it('an anthology of 50,000 lines that are all attributions and source lines', () => {
    const text = Array.from({ length: 25_000 }, (_, k) => `J. SMITH (${1500 + (k % 500)})\nSource: https://example.org/${k}`).join('\n');
    expect(detectAnthology({ text })).toBeNull();
  });

  it('attribution, source and byline lines of the greatest length read: 10 MB of them', () => {
    const lines = [`${'A '.repeat(290)}(1903)`, `Source: ${'. '.repeat(295)}`, `By ${'Ab, '.repeat(150)}`, `Title ${'x('.repeat(290)}`];
    const text = Array.from({ length: 4_200 }, () => lines.join('\n\n')).join('\n\n');
    expect(detectAnthology({ text })).toBeNull();
  });

  it('2,001 pieces are no anthology', () => {
    const text = Array.from({ length: 2_001 }, (_, k) => `Piece ${k}\n\nA line of text.\n\nJ. SMITH (1903)`).join('\n\n');
    expect(detectAnthology({ text })).toBeNull();
  });

  it('a contents line of forty spaced leader points and no page number (exponential before)', () => {
    expect(detectWorks({ text: `Preface${' .'.repeat(40)} a\n`, pages: [] })).toBeNull();
  });

  it('a contents of 2,000 items, none found among 100,000 lines that begin like their titles', () => {
    const contents = Array.from({ length: 2_000 }, (_, k) => `Work number ${k.toString(36)} of the volume . . . . ${k + 1}`).join('\n');
    expect(detectWorks({ text: `CONTENTS\n\n${contents}\n\n${'Work\n'.repeat(100_000)}`, pages: [] })).toBeNull();
  });

  it('a line with 400,000 blanks before its last word', () => {
    expect(detectWorks({ text: `a${' '.repeat(400_000)}b\n`, pages: [] })).toBeNull();
  });
});

describe('segmenter and footnotes in linear time', () => {
  it('a Markdown heading with 400,000 blanks inside', () => {
    expect(segmentDocument(`# a${' '.repeat(400_000)}b`, { language: 'en', format: 'md' })).toEqual([{ kind: 'heading', level: 1, text: 'a b', pages: [] }]);
  });

  it('a paragraph of 200,000 fragments without a letter', () => {
    const text = '!…'.repeat(200_000);
    expect(splitSentences(text, 'en')).toEqual([text]);
  });

  it('a paragraph of 100,000 dialogue replies, each with an attribution', () => {
    const sentences = splitSentences('— Да? — сказал он. -- Нет! '.repeat(100_000), 'ru');
    expect(sentences).toHaveLength(200_000);
    expect(sentences[0]).toBe('— Да? — сказал он.');
  });

  it('paragraphs of 60,000 closing quotes, dashes, ellipses, colons or numbers after a stop', () => {
    for (const pump of ['.»', '. --', '…»', ': 1.', '. 1']) {
      const text = `Да${pump.repeat(60_000)} а`;
      expect(splitSentences(text, 'ru').join(' ').replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
    }
  });

  it('a paragraph of 150,000 unclosed footnote references after full stops', () => {
    const text = `Word${'.[^'.repeat(150_000)}`;
    expect(splitSentences(text, 'en')).toEqual([text]);
  });

  it('a paragraph of 100,000 sentences, each on a new page', () => {
    const blocks = segmentDocument('Ab cd. [p. 1] '.repeat(100_000), { language: 'en', format: 'txt' });
    const sentences = blocks.flatMap((block) => (block.kind === 'paragraph' ? block.sentences : []));
    expect(sentences).toHaveLength(100_000);
    expect(sentences.reduce((count, s) => count + s.pages.length, 0)).toBe(100_000);
  });

  it('a sentence of 100,000 footnote references, each before a page', () => {
    const [, lifted] = liftFootnotes([paragraphRow(), sentenceRow('[^1]a'.repeat(100_000), Array.from({ length: 100_000 }, (_, k) => ({ label: String(k), offset: k * 5 + 4 })))]);
    expect(lifted?.text).toBe('a'.repeat(100_000));
    expect(lifted?.footnoteRefs).toHaveLength(100_000);
    expect(lifted?.pages.every((page, k) => page.offset === k)).toBe(true);
  });

  it('a paragraph of 100,000 sentences, each emphasised, inside one emphasis over them all', () => {
    const text = `${EMPHASIS_OPEN}${`${EMPHASIS_OPEN}Ab${EMPHASIS_CLOSE} cd. `.repeat(100_000)}${EMPHASIS_CLOSE}`;
    const sentences = segmentDocument(text, { language: 'en', format: 'txt' }).flatMap((block) => (block.kind === 'paragraph' ? block.sentences : []));
    expect(sentences).toHaveLength(100_000);
    expect(sentences.every((sentence) => sentence.emphasis?.length === 1 && sentence.emphasis[0]?.end === 'Ab cd.'.length)).toBe(true);
  });

  it('a web page of 100,000 italic words', () => {
    const page = `<p>${'<i>word</i> '.repeat(100_000)}end.</p>`;
    const [, sentence] = prepareText({ bytes: new TextEncoder().encode(page), filename: 'page.html', language: 'en' }).rows;
    expect(sentence?.emphasis).toEqual([{ start: 0, end: 'word '.repeat(100_000).length - 1 }]);
  });

  it('a sentence of 200,000 unclosed references', () => {
    const text = '[^'.repeat(200_000);
    expect(liftFootnotes([paragraphRow(), sentenceRow(text)])[1]?.text).toBe(text);
  });
});

describe('the rewritten Markdown heading reader', () => {
  // The regular expression it replaces, kept as the reference on short lines.
  const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/u;

  it('reads every short line as the regular expression did', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('#', ' ', '\t', 'a', 'b', '\u2028', '\u00a0'), maxLength: 16 }), (line) => {
        const match = ATX_HEADING.exec(line);
        expect(atxHeadingOf(line)).toEqual(match ? { level: match[1]?.length, text: match[2] ?? '' } : null);
      }),
      propertyOptions(2000),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AppError } from '../../../lib/errors/app-error';
import { htmlToText } from '../../../lib/import/parse/html-to-text';

/** A made-up tree of HTML: text, or an element with an attribute and children. */
type Tree = { text: string } | { tag: string; attribute: string | null; children: Tree[] };

/**
 * Words of text, some of them shaped like what the reader itself writes (list markers, `#`, `>`)
 * or like markup (`&`, `<`). No capital Q: that letter is kept for attribute values.
 */
const word = fc.oneof(
  fc.stringMatching(/^[a-zа-яё]{1,8}$/u),
  fc.constantFrom('1.', '12.', '-', '#', '>', '&', 'a<b', '&amp;', '«ё»', '—', 'e\u0301', '"x"', "it's", '\u00a0'),
);
const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
/** Attribute values, which are no text: a `>` inside them must not end the tag for the reader. */
const attributeValue = fc.stringMatching(/^Q[Q>]{0,5}$/u);
const TAGS = ['p', 'div', 'section', 'span', 'em', 'strong', 'a', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'br', 'pre', 'dl', 'dt', 'dd', 'figure', 'figcaption'] as const;

const { tree } = fc.letrec<{ tree: Tree; element: Tree; leaf: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('element')),
  leaf: text.map((value) => ({ text: value })),
  element: fc.record({ tag: fc.constantFrom(...TAGS), attribute: fc.option(attributeValue, { nil: null }), children: fc.array(tie('tree'), { maxLength: 4 }) }).map((node): Tree => node),
}));

const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The tree as HTML, and the texts of its text nodes. */
function render(node: Tree, texts: string[]): string {
  if ('text' in node) {
    texts.push(node.text);
    return escapeText(node.text);
  }
  const attribute = node.attribute === null ? '' : ` title="${node.attribute}"`;
  if (node.tag === 'br') return `<br${attribute}>`;
  return `<${node.tag}${attribute}>${node.children.map((child) => render(child, texts)).join('')}</${node.tag}>`;
}

/** White space as the reader writes it: runs of spaces, tabs, line breaks and no-break spaces as one space. */
const normalise = (value: string) => value.replace(/[\s\u00a0]+/gu, ' ').trim();
describe('htmlToText on generated pages', () => {
  it('keeps every text node of the article, and takes no text from attributes', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 6 }), (children) => {
        const texts: string[] = [];
        const article = children.map((child) => render(child, texts)).join('');
        const output = htmlToText(`<!doctype html><html><head><title>Qtitle</title></head><body><nav><a href="/">Qhome</a></nav><article>${article}</article></body></html>`);
        // A text node never spans lines: its text is whole on one line of the output.
        const lines = output.split('\n').map(normalise);
        for (const value of texts) {
          const expected = normalise(value);
          if (expected && !lines.some((line) => line.includes(expected))) throw new Error(`lost ${JSON.stringify(value)} in ${JSON.stringify(output)}`);
        }
        expect(output).not.toContain('Q');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but a documented refusal, and always finishes, on any input', () => {
    const token = fc.oneof(
      fc.constantFrom('<!--', '-->', '<script>', '</script>', '<style>', '<article>', '</article>', '<h1>', '</h1>', '<li value=', '<ol start=99999999999>', '<p>', '</p>', '<div>', '<table>', '<td>', '<svg>', '<math>', '<template>', '&', '&#x', '&#1114112;', '"', '<', '>', '\u0000', '\r\n'),
      fc.string({ maxLength: 10 }),
    );
    // Long runs of one token: the shapes that make regular-expression readers quadratic.
    const run = fc.tuple(fc.constantFrom('<!--', '<script>', '<h1>', '<article>', '<a>', '<table>', '<li>'), fc.integer({ min: 10_000, max: 40_000 })).map(([part, count]) => part.repeat(count));
    const page = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(token, { maxLength: 200 }).map((parts) => parts.join('')), fc.tuple(fc.array(token, { maxLength: 20 }), run).map(([parts, tail]) => parts.join('') + tail));
    fc.assert(
      fc.property(page, (html) => {
        try {
          expect(typeof htmlToText(html)).toBe('string');
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'PAYLOAD_TOO_LARGE')) throw error;
        }
      }),
      { numRuns: 200 },
    );
  });
});

import type { DefaultTreeAdapterTypes } from 'parse5';

import { EMPHASIS_CLOSE, EMPHASIS_OPEN, removeEmphasisMarkers } from '../../segment/emphasis';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** How {@link markupToText} reads a tree. */
export interface MarkupTextOptions {
  /**
   * `collapse`: white space as a browser shows it (web pages, whose source is wrapped and
   * indented at will); `keep`: text as written, only the ends of a paragraph trimmed (the HTML a
   * Word document becomes, whose spaces and tabs are the author's: a contents line `Title<tab>12`).
   */
  whitespace: 'collapse' | 'keep';
  /** Elements read as if absent, with everything inside them (scripts, navigation…). */
  skip?: ReadonlySet<string>;
}

/** Elements that begin and end a paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'hr', 'legend', 'main', 'p', 'pre', 'section', 'summary', 'table', 'tr',
]);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
/**
 * Elements whose text is emphasis: italics (`<em>`, `<i>`; mammoth writes a Word document's italic
 * runs as `<em>`). Bold is not: pages set headings, names and menus in it more than emphasis.
 */
const EMPHASIS = new Set(['em', 'i']);
const WHITESPACE = /\s/u;
/** A nested list is indented two spaces a level, at most this many levels (as deep as a list item's level goes). */
const MAX_LIST_INDENT = 8;

/**
 * Turns parsed HTML into Markdown-like text: headings become `#` lines, block elements paragraphs
 * separated by blank lines (a `<br>` a line break within one), items of `<ul>` `- ` lines and of
 * `<ol>` numbered `1. ` lines (from the list's `start`, or an item's `value`; nested lists
 * indented), paragraphs inside a `<blockquote>` `> ` lines, table cells apart by a space; soft
 * hyphens are dropped; the text of `<em>` and `<i>` is enclosed in emphasis markers
 * (`lib/segment/emphasis.ts`, each text node's words apart: never around white space, a line
 * break or syntax), after any marker character the page itself held was removed. Every other
 * element is read for its text. The tree is walked with an explicit stack — no recursion,
 * however deep the nesting. Pure.
 */
export function markupToText(roots: readonly Node[], { whitespace, skip = new Set() }: MarkupTextOptions): string {
  const blocks: string[] = [];
  const lists: { isOrdered: boolean; next: number }[] = [];
  let text = '';
  let quoteDepth = 0;
  let headingDepth = 0;
  let headingLevel = 1;
  let emphasisDepth = 0;
  // The marker of a list item whose text has not begun yet (`<li><p>Text</p>` gives `- Text`).
  let pendingMarker = '';

  const push = (block: string) => {
    const item = pendingMarker + block;
    pendingMarker = '';
    blocks.push(quoteDepth > 0 ? item.replace(/^/gmu, '> ') : item);
  };
  const endParagraph = () => {
    if (headingDepth > 0) return;
    const raw = text;
    text = '';
    if (whitespace === 'keep') {
      const kept = raw.trim();
      if (kept) push(kept);
      return;
    }
    for (const part of raw.split(/\n{2,}/u)) {
      const block = part.replace(/[ \t\r\f\v\u00a0]+/gu, ' ').replace(/ *\n */gu, '\n').trim();
      if (block) push(block);
    }
  };

  const stack: { node: Node; isExit: boolean }[] = [];
  for (let index = roots.length - 1; index >= 0; index -= 1) stack.push({ node: roots[index] as Node, isExit: false });
  while (stack.length > 0) {
    const { node, isExit } = stack.pop() as { node: Node; isExit: boolean };
    if (node.nodeName === '#text') {
      const value = removeEmphasisMarkers((node as DefaultTreeAdapterTypes.TextNode).value.replace(/\u00ad/gu, ''));
      // Line breaks in HTML source are only white space; <br> and block ends make the real ones.
      const read = whitespace === 'collapse' ? value.replace(/\s*[\r\n]+\s*/gu, ' ') : value;
      text += emphasisDepth > 0 ? emphasised(read) : read;
      continue;
    }
    if (!('tagName' in node)) {
      // The document or a fragment: read its children. Comments and doctypes have no text.
      if (node.nodeName === '#document' || node.nodeName === '#document-fragment') pushChildren(stack, node.childNodes);
      continue;
    }
    const name = node.tagName;
    if (skip.has(name)) continue;
    if (isExit) {
      leave(name);
      continue;
    }
    if (!enter(node)) continue;
    stack.push({ node, isExit: true });
    pushChildren(stack, node.childNodes);
  }
  endParagraph();
  return blocks.join('\n\n');

  /** Opens an element; false when it has nothing inside worth visiting. */
  function enter(element: Element): boolean {
    const name = element.tagName;
    if (name === 'br') {
      text += headingDepth > 0 ? ' ' : '\n';
      return false;
    }
    if (EMPHASIS.has(name)) emphasisDepth += 1;
    const level = HEADINGS[name];
    if (level !== undefined) {
      if (headingDepth === 0) {
        endParagraph();
        headingLevel = level;
      }
      headingDepth += 1;
    } else if (name === 'blockquote') {
      endParagraph();
      quoteDepth += 1;
    } else if (name === 'ul' || name === 'ol') {
      endParagraph();
      lists.push({ isOrdered: name === 'ol', next: numberAttribute(element, 'start') ?? 1 });
    } else if (name === 'li') {
      endParagraph();
      const list = lists.at(-1);
      if (list && headingDepth === 0) {
        const value = numberAttribute(element, 'value');
        if (value !== null) list.next = value;
        const marker = list.isOrdered ? `${list.next++}.` : '-';
        pendingMarker = `${'  '.repeat(Math.min(lists.length - 1, MAX_LIST_INDENT))}${marker} `;
      }
    } else if (BLOCKS.has(name)) {
      endParagraph();
    }
    return true;
  }

  function leave(name: string): void {
    if (EMPHASIS.has(name)) emphasisDepth -= 1;
    const level = HEADINGS[name];
    if (level !== undefined) {
      headingDepth -= 1;
      if (headingDepth > 0) return;
      const heading = text.replace(/\s+/gu, ' ').trim();
      text = '';
      if (heading) push(`${'#'.repeat(headingLevel)} ${heading}`);
    } else if (name === 'blockquote') {
      endParagraph();
      quoteDepth -= 1;
    } else if (name === 'ul' || name === 'ol') {
      endParagraph();
      lists.pop();
    } else if (name === 'li') {
      endParagraph();
      // An item with no text of its own gives no marker to what follows the list.
      if (headingDepth === 0) pendingMarker = '';
    } else if (name === 'td' || name === 'th') {
      text += ' ';
    } else if (BLOCKS.has(name)) {
      endParagraph();
    }
  }
}

/** A text inside emphasis: its words between the markers, its white space at either end outside them. */
function emphasised(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && WHITESPACE.test(value[start] as string)) start += 1;
  while (end > start && WHITESPACE.test(value[end - 1] as string)) end -= 1;
  return start === end ? value : `${value.slice(0, start)}${EMPHASIS_OPEN}${value.slice(start, end)}${EMPHASIS_CLOSE}${value.slice(end)}`;
}

function pushChildren(stack: { node: Node; isExit: boolean }[], children: readonly Node[]): void {
  for (let index = children.length - 1; index >= 0; index -= 1) stack.push({ node: children[index] as Node, isExit: false });
}

/** A whole-number attribute (`<ol start="4">`, `<li value="9">`), or null. */
function numberAttribute(element: Element, name: string): number | null {
  const value = element.attrs.find((attribute) => attribute.name === name)?.value;
  const digits = value === undefined ? undefined : /^\s*(\d{1,9})/u.exec(value)?.[1];
  return digits === undefined ? null : Number(digits);
}

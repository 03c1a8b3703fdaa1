import type { DefaultTreeAdapterTypes } from 'parse5';

import { markupToText } from './markup-to-text';
import { parseHtml } from './parse-html';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** What is never article text: scripts, styles, navigation, headers, footers, asides, forms. */
const NOT_ARTICLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'iframe', 'object', 'canvas', 'head']);

/** An `<article>` or `<main>` with less text than this is a teaser, not the page's article. */
const MIN_ARTICLE_CHARS = 200;

/**
 * Turns an HTML page into Markdown-like text for the segmenter (see {@link markupToText}: `#`
 * headings, paragraphs, `- ` and `1. ` list lines, `> ` quotations), dropping what is never
 * article text (scripts, styles, navigation, headers, footers, asides, forms). The main article
 * is taken from the page's `<article>` elements, else its `<main>`, when they hold more than a
 * teaser's text, else from `<body>`; what remains of menus and counters is left to the
 * web-boilerplate cleanup rule. Pure: parse5 needs no DOM, so this runs in the browser too.
 * Throws PAYLOAD_TOO_LARGE for a page too long or too deeply nested to read.
 */
export function htmlToText(html: string): string {
  const document = parseHtml(html, 'page');
  return markupToText(mainContent(document), { whitespace: 'collapse', skip: NOT_ARTICLE });
}

/** The page's articles (outermost ones, in order), else its `<main>` elements, else its body. */
function mainContent(document: DefaultTreeAdapterTypes.Document): Node[] {
  const found: Record<'article' | 'main' | 'body', Element[]> = { article: [], main: [], body: [] };
  // Each entry knows whether it lies inside an article or a main already: only the outermost count.
  const stack: { node: Node; isInArticle: boolean; isInMain: boolean }[] = [{ node: document, isInArticle: false, isInMain: false }];
  while (stack.length > 0) {
    const { node, isInArticle, isInMain } = stack.pop() as { node: Node; isInArticle: boolean; isInMain: boolean };
    if (!('childNodes' in node)) continue;
    const tag = 'tagName' in node ? node.tagName : '';
    if (NOT_ARTICLE.has(tag)) continue;
    if ((tag === 'article' && !isInArticle) || (tag === 'main' && !isInMain) || tag === 'body') found[tag as keyof typeof found].push(node as Element);
    const inside = { isInArticle: isInArticle || tag === 'article', isInMain: isInMain || tag === 'main' };
    for (let index = node.childNodes.length - 1; index >= 0; index -= 1) stack.push({ node: node.childNodes[index] as Node, ...inside });
  }
  for (const tag of ['article', 'main'] as const) {
    if (found[tag].length > 0 && hasMoreTextThan(found[tag], MIN_ARTICLE_CHARS)) return found[tag];
  }
  return found.body.length > 0 ? found.body : [document];
}

/** True when the elements hold more than `limit` characters of readable text (runs of white space counting as one). */
function hasMoreTextThan(roots: readonly Node[], limit: number): boolean {
  let count = 0;
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeName === '#text') {
      count += (node as DefaultTreeAdapterTypes.TextNode).value.replace(/\s+/gu, ' ').length;
      if (count > limit) return true;
    } else if ('childNodes' in node && !('tagName' in node && NOT_ARTICLE.has(node.tagName))) {
      for (const child of node.childNodes) stack.push(child);
    }
  }
  return false;
}

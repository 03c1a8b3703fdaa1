/** Stand for the start and end of a `<blockquote>` until the text is split into paragraphs. */
const QUOTE_OPEN = '\u0001';
const QUOTE_CLOSE = '\u0002';
/** A list item whose text begins in the next block (`<li><p>…`): its marker alone. */
const BARE_MARKER = /^ *(?:-|\d{1,9}\.)$/u;
const LIST_MARKER = /^( +)(?=(?:-|\d{1,9}\.) )/u;

/**
 * Turns an HTML page into Markdown-like text for the segmenter: headings become `#` lines, block
 * elements become paragraphs separated by blank lines, items of `<ul>` become `- ` lines and of
 * `<ol>` numbered `1. ` lines (nested lists indented), paragraphs of a `<blockquote>` `> ` lines,
 * and what is never article text (scripts, styles, navigation, headers, footers, asides, forms) is dropped.
 * The main article is taken from `<article>` or `<main>` when the page has one; what remains of
 * menus and counters is left to the web-boilerplate cleanup rule. Pure: no DOM needed.
 */
export function htmlToText(html: string): string {
  let body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/[\u0001\u0002]/g, '');
  body = pickMain(body);
  body = body.replace(/<(script|style|noscript|template|svg|nav|header|footer|aside|form|button|select|iframe)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  // Line breaks in HTML source are only white space; <br> and block ends make the real ones.
  body = body.replace(/\s*[\r\n]+\s*/g, ' ');
  body = body.replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi, (_, level: string, inner: string) => `\n\n${'#'.repeat(Number(level))} ${inline(inner)}\n\n`);
  body = markListsAndQuotes(body);
  body = body.replace(/<br\s*\/?>/gi, '\n');
  body = body.replace(/<\/?(p|div|section|article|main|pre|table|tr|dl|dt|dd|figure|figcaption|hr)\b[^>]*>/gi, '\n\n');
  const text = decodeEntities(body.replace(/<[^>]+>/g, ''));
  const blocks: string[] = [];
  let quoteDepth = 0;
  let pendingMarker = '';
  for (const raw of text.split(/\n{2,}/)) {
    // A nested item keeps its indentation; everything else is trimmed.
    const indent = LIST_MARKER.exec(raw)?.[1] ?? '';
    const block = indent + raw.replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (block === QUOTE_OPEN || block === QUOTE_CLOSE) {
      quoteDepth = Math.max(0, quoteDepth + (block === QUOTE_OPEN ? 1 : -1));
      continue;
    }
    if (block.trim() === '') continue;
    if (BARE_MARKER.test(block)) {
      pendingMarker = `${block} `;
      continue;
    }
    const item = pendingMarker + block;
    pendingMarker = '';
    blocks.push(quoteDepth > 0 ? item.replace(/^/gmu, '> ') : item);
  }
  return blocks.join('\n\n');
}

/**
 * Writes list items as `- ` and `1. ` lines (an `<ol>` counts from its `start`, an item may say
 * its `value`; nested lists are indented two spaces a level) and brackets each `<blockquote>`
 * with markers that the paragraphs inside it are quoted. Every item begins a paragraph.
 */
function markListsAndQuotes(html: string): string {
  const lists: { isOrdered: boolean; next: number }[] = [];
  return html.replace(/<(\/?)(ul|ol|li|blockquote)\b([^>]*)>/gi, (_, closing: string, tag: string, attributes: string) => {
    const name = tag.toLowerCase();
    if (name === 'blockquote') return `\n\n${closing ? QUOTE_CLOSE : QUOTE_OPEN}\n\n`;
    if (name === 'li') {
      const list = lists.at(-1);
      if (closing || !list) return '\n\n';
      const value = numberAttribute(attributes, 'value');
      if (value !== null) list.next = value;
      const marker = list.isOrdered ? `${list.next++}.` : '-';
      return `\n\n${'  '.repeat(lists.length - 1)}${marker} `;
    }
    if (closing) lists.pop();
    else lists.push({ isOrdered: name === 'ol', next: numberAttribute(attributes, 'start') ?? 1 });
    return '\n\n';
  });
}

function numberAttribute(attributes: string, name: string): number | null {
  const value = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d{1,9})`, 'i').exec(attributes)?.[1];
  return value === undefined ? null : Number(value);
}

/** The inside of the page's `<article>` (or `<main>`, or `<body>`): where the text is. */
function pickMain(html: string): string {
  for (const tag of ['article', 'main', 'body']) {
    const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*)</${tag}\\s*>`, 'i').exec(html);
    if (match?.[1] && match[1].replace(/<[^>]+>/g, '').trim().length > 200) return match[1];
  }
  return html;
}

function inline(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…',
  laquo: '«', raquo: '»', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', bdquo: '„', shy: '', copy: '©', sect: '§', deg: '°',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

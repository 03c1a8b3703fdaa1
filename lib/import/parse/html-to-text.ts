/**
 * Turns an HTML page into Markdown-like text for the segmenter: headings become `#` lines, block
 * elements become paragraphs separated by blank lines, list items become `- ` lines, and what is
 * never article text (scripts, styles, navigation, headers, footers, asides, forms) is dropped.
 * The main article is taken from `<article>` or `<main>` when the page has one; what remains of
 * menus and counters is left to the web-boilerplate cleanup rule. Pure: no DOM needed.
 */
export function htmlToText(html: string): string {
  let body = html.replace(/<!--[\s\S]*?-->/g, '');
  body = pickMain(body);
  body = body.replace(/<(script|style|noscript|template|svg|nav|header|footer|aside|form|button|select|iframe)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  // Line breaks in HTML source are only white space; <br> and block ends make the real ones.
  body = body.replace(/\s*[\r\n]+\s*/g, ' ');
  body = body.replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi, (_, level: string, inner: string) => `\n\n${'#'.repeat(Number(level))} ${inline(inner)}\n\n`);
  body = body.replace(/<li\b[^>]*>([\s\S]*?)<\/li\s*>/gi, (_, inner: string) => `\n\n- ${inline(inner)}\n\n`);
  body = body.replace(/<br\s*\/?>/gi, '\n');
  body = body.replace(/<\/?(p|div|section|article|main|blockquote|pre|table|tr|ul|ol|dl|dt|dd|figure|figcaption|hr)\b[^>]*>/gi, '\n\n');
  const text = decodeEntities(body.replace(/<[^>]+>/g, ''));
  return text
    .split(/\n{2,}/)
    .map((block) => block.replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim())
    .filter(Boolean)
    .join('\n\n');
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

import 'server-only';

import mammoth from 'mammoth';

import { assertSafeArchive } from './assert-safe-archive';
import { markupToText } from './markup-to-text';
import { parseHtml } from './parse-html';
import { AppError } from '../../errors/app-error';

/** Paragraph styles of headings (style id or name): Word's built-in ones in English and as some languages name them. */
const HEADING_STYLE = /^(?:heading|titre|überschrift|berschrift|заголовок)\s*(\d)$/iu;
/** Paragraph styles of quotations: Quote, Intense Quote, Block Text, and as some languages name them. */
const QUOTE_STYLE = /quote|block ?text|zitat|citation|цитат/iu;
/** List levels Word numbers (0–8). */
const LIST_LEVELS = 9;

/**
 * How mammoth writes our paragraphs as HTML: the headings and quotations marked by
 * {@link markStyles}, and lists nested to every level Word has (mammoth's own map stops at 5).
 * Mammoth's default map still applies after these (`Heading1`, `heading 1`…).
 */
const STYLE_MAP = [
  ...Array.from({ length: 6 }, (_, index) => `p.InterlinearHeading${index + 1} => h${index + 1}:fresh`),
  'p.InterlinearQuote => blockquote > p:fresh',
  ...Array.from({ length: LIST_LEVELS }, (_, index) => `p:unordered-list(${index + 1}) => ${'ul|ol > li > '.repeat(index)}ul > li:fresh`),
  ...Array.from({ length: LIST_LEVELS }, (_, index) => `p:ordered-list(${index + 1}) => ${'ul|ol > li > '.repeat(index)}ol > li:fresh`),
];

/**
 * Reads the text of a Word document (.docx) with mammoth: paragraphs as paragraphs, heading
 * styles (and Title) as Markdown headings (`#`), quotation styles as `> ` quotations, list
 * paragraphs as items — `- ` for bullets, `1. ` numbered for numbered lists (mammoth tells a
 * numbered list from a bulleted one and the level, not Word's number format or start), indented
 * by level — tabs and line breaks kept, spaces as written. Footnotes, comments, headers and
 * images are left out. The archive is checked first ({@link assertSafeArchive}), so mammoth never
 * unzips a bomb. Throws UNSUPPORTED_MEDIA_TYPE when the file is not a readable .docx, and
 * PAYLOAD_TOO_LARGE when it unpacks past the limits.
 */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  await assertSafeArchive(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        includeEmbeddedStyleMap: false,
        // Images are never read: a document's pictures are no text, and inflating them costs memory.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: markStyles,
      },
    );
    html = result.value;
  } catch (error) {
    throw unreadable(error);
  }
  return markupToText([parseHtml(html, 'docx')], { whitespace: 'keep' });
}

/** Why mammoth could not read a document, as the user is told it. */
function unreadable(error: unknown): AppError {
  const message = error instanceof Error ? error.message : '';
  if (/main document part/iu.test(message)) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'docx.noDocumentXml');
  if (/xml/iu.test(message)) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'docx.malformedXml');
  return new AppError('UNSUPPORTED_MEDIA_TYPE', 'docx.unreadable');
}

/** A node of mammoth's document tree, as far as the style marking reads it. */
interface MammothNode {
  type?: unknown;
  styleId?: unknown;
  styleName?: unknown;
  numbering?: unknown;
  children?: unknown;
}

const isNode = (value: unknown): value is MammothNode => typeof value === 'object' && value !== null;

/**
 * Gives headings and quotations (recognised by their style id or name, in several languages) the
 * style ids {@link STYLE_MAP} maps, and takes note references out (notes are not read). A list
 * paragraph in a quotation style stays a list item; a heading stays a heading. Walks the tree
 * with an explicit stack.
 */
function markStyles(document: unknown): unknown {
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isNode(node)) continue;
    if (node.type === 'paragraph') {
      const names = [node.styleId, node.styleName].filter((name): name is string => typeof name === 'string');
      const level = names.map((name) => (/^title$/iu.test(name) ? 1 : Number(HEADING_STYLE.exec(name)?.[1] ?? Number.NaN))).find((value) => Number.isFinite(value));
      if (level !== undefined) node.styleId = `InterlinearHeading${Math.min(Math.max(level, 1), 6)}`;
      else if (!node.numbering && names.some((name) => QUOTE_STYLE.test(name))) node.styleId = 'InterlinearQuote';
    }
    if (Array.isArray(node.children)) {
      node.children = node.children.filter((child) => !(isNode(child) && child.type === 'noteReference'));
      for (const child of node.children as unknown[]) stack.push(child);
    }
  }
  return document;
}

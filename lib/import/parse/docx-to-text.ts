import 'server-only';

import { inflateRawSync } from 'node:zlib';

import { AppError } from '../../errors/app-error';

/**
 * Reads the text of a Word document (.docx): paragraphs of `word/document.xml` as paragraphs,
 * heading styles as Markdown headings (`#`), list paragraphs as `- ` items, tabs and line breaks
 * kept. Throws UNSUPPORTED_MEDIA_TYPE when the file is not a readable .docx.
 */
export function docxToText(bytes: Uint8Array): string {
  const xml = readZipEntry(bytes, 'word/document.xml');
  if (xml === null) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file is not a Word document (.docx): it has no word/document.xml.');
  const paragraphs: string[] = [];
  for (const match of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const paragraph = match[0];
    const text = decodeXml(
      paragraph
        .replace(/<w:tab\/>/g, '\t')
        .replace(/<w:br\/>/g, '\n')
        .replace(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g, '\u0000$1\u0000')
        .split('\u0000')
        .filter((_, index) => index % 2 === 1)
        .join(''),
    ).trim();
    if (!text) continue;
    const style = /<w:pStyle w:val="([^"]+)"/.exec(paragraph)?.[1] ?? '';
    const heading = /^(?:Heading|Titre|berschrift)\s*(\d)$/i.exec(style) ?? (/^Title$/i.test(style) ? ['', '1'] : null);
    if (heading) paragraphs.push(`${'#'.repeat(Number(heading[1]) || 1)} ${text.replace(/\s+/g, ' ')}`);
    else if (/<w:numPr>/.test(paragraph)) paragraphs.push(`- ${text}`);
    else paragraphs.push(text);
  }
  return paragraphs.join('\n\n');
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}

/**
 * One file of a ZIP archive as UTF-8 text, or null when absent. Reads the central directory (so
 * sizes are right even when local headers defer them) and handles stored and deflated entries.
 */
export function readZipEntry(bytes: Uint8Array, name: string): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = () => new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file is not a Word document (.docx): it is not a ZIP archive.');
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notZip();
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let k = 0; k < entries; k += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw notZip();
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const entryName = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (entryName === name) {
      const localNameLength = view.getUint16(localOffset + 26, true);
      const localExtraLength = view.getUint16(localOffset + 28, true);
      const start = localOffset + 30 + localNameLength + localExtraLength;
      const data = bytes.subarray(start, start + compressedSize);
      if (method === 0) return decoder.decode(data);
      if (method === 8) return decoder.decode(inflateRawSync(data));
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The Word document uses a compression method that cannot be read.');
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}

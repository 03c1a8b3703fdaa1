import 'server-only';

import { inflateRawSync } from 'node:zlib';

import { AppError } from '../../errors/app-error';

/** Paragraph styles of quotations: Word's built-in ones, in English and as some languages name them. */
const QUOTE_STYLE = /quote|blocktext|zitat|citation|цитат/iu;

/**
 * Reads the text of a Word document (.docx): paragraphs of `word/document.xml` as paragraphs,
 * heading styles as Markdown headings (`#`), quotation styles as `> ` quotations, list paragraphs
 * as items — `- ` for bullets, numbered as Word numbers them (`1.`, `a)`, `iv.`) for numbered
 * lists, indented by level — tabs and line breaks kept. Throws UNSUPPORTED_MEDIA_TYPE when the
 * file is not a readable .docx.
 */
export function docxToText(bytes: Uint8Array): string {
  const xml = readZipEntry(bytes, 'word/document.xml');
  if (xml === null) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file is not a Word document (.docx): it has no word/document.xml.');
  const numbering = readNumbering(readZipEntry(bytes, 'word/numbering.xml'));
  const counters = new Map<string, number[]>();
  const paragraphs: string[] = [];
  for (const match of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const paragraph = match[0];
    const text = decodeXml(
      paragraph
        // Tabs and breaks are elements of their own between the runs' texts: kept as text pieces.
        .replace(/<w:tab\/>/g, '\u0000\t\u0000')
        .replace(/<w:br\/>/g, '\u0000\n\u0000')
        .replace(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g, '\u0000$1\u0000')
        .split('\u0000')
        .filter((_, index) => index % 2 === 1)
        .join(''),
    ).trim();
    if (!text) continue;
    const style = /<w:pStyle w:val="([^"]+)"/.exec(paragraph)?.[1] ?? '';
    const heading = /^(?:Heading|Titre|berschrift)\s*(\d)$/i.exec(style) ?? (/^Title$/i.test(style) ? ['', '1'] : null);
    if (heading) paragraphs.push(`${'#'.repeat(Number(heading[1]) || 1)} ${text.replace(/\s+/g, ' ')}`);
    else if (/<w:numPr>/.test(paragraph)) paragraphs.push(`${listMarker(paragraph, numbering, counters)} ${text}`);
    else if (QUOTE_STYLE.test(style)) paragraphs.push(text.replace(/^/gmu, '> '));
    else paragraphs.push(text);
  }
  return paragraphs.join('\n\n');
}

/** How one level of a numbered list is numbered: its format ("decimal", "lowerLetter", "bullet"…), text ("%1.") and start. */
interface NumberingLevel {
  format: string;
  text: string;
  start: number;
}

/** The levels of each list of a document (`w:numId` → level → numbering), from `word/numbering.xml`. */
function readNumbering(xml: string | null): Map<string, Map<string, NumberingLevel>> {
  const lists = new Map<string, Map<string, NumberingLevel>>();
  if (!xml) return lists;
  const abstracts = new Map<string, Map<string, NumberingLevel>>();
  for (const abstract of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<string, NumberingLevel>();
    for (const level of (abstract[2] ?? '').matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = level[2] ?? '';
      levels.set(level[1] ?? '0', {
        format: /<w:numFmt w:val="([^"]+)"/.exec(body)?.[1] ?? 'bullet',
        text: decodeXml(/<w:lvlText w:val="([^"]*)"/.exec(body)?.[1] ?? ''),
        start: Number(/<w:start w:val="(\d+)"/.exec(body)?.[1] ?? '1'),
      });
    }
    abstracts.set(abstract[1] ?? '', levels);
  }
  for (const num of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstractId = /<w:abstractNumId w:val="([^"]+)"/.exec(num[2] ?? '')?.[1];
    const levels = abstractId === undefined ? undefined : abstracts.get(abstractId);
    if (levels) lists.set(num[1] ?? '', levels);
  }
  return lists;
}

/**
 * The marker of a list paragraph, indented two spaces a level: `-` for bullets (and lists whose
 * numbering is unknown), else the number as Word shows it, counted per list and level (a
 * level's count starts again after an item of a higher level).
 */
function listMarker(paragraph: string, numbering: ReadonlyMap<string, ReadonlyMap<string, NumberingLevel>>, counters: Map<string, number[]>): string {
  const levelIndex = Number(/<w:ilvl w:val="(\d+)"/.exec(paragraph)?.[1] ?? '0');
  const numId = /<w:numId w:val="([^"]+)"/.exec(paragraph)?.[1] ?? '';
  const levels = numbering.get(numId);
  const level = levels?.get(String(levelIndex));
  const indent = '  '.repeat(Math.min(levelIndex, 8));
  if (!levels || !level || level.format === 'bullet' || level.format === 'none') return `${indent}-`;
  const counts = counters.get(numId) ?? [];
  counters.set(numId, counts);
  counts.length = levelIndex + 1;
  counts[levelIndex] = (counts[levelIndex] ?? (levels.get(String(levelIndex))?.start ?? 1) - 1) + 1;
  const text = level.text.replace(/%(\d)/g, (_, n: string) => formatNumber(counts[Number(n) - 1] ?? levels.get(String(Number(n) - 1))?.start ?? 1, levels.get(String(Number(n) - 1))?.format ?? 'decimal'));
  return `${indent}${text.trim() || `${counts[levelIndex]}.`}`;
}

function formatNumber(value: number, format: string): string {
  if (format === 'lowerLetter' || format === 'upperLetter') {
    const letter = String.fromCharCode(96 + (((value - 1) % 26) + 1));
    return format === 'upperLetter' ? letter.toUpperCase() : letter;
  }
  if (format === 'lowerRoman' || format === 'upperRoman') {
    const roman = toRoman(value);
    return format === 'upperRoman' ? roman.toUpperCase() : roman;
  }
  return String(value);
}

function toRoman(value: number): string {
  const digits: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let rest = Math.max(1, Math.min(value, 3999));
  let out = '';
  for (const [amount, digit] of digits) {
    for (; rest >= amount; rest -= amount) out += digit;
  }
  return out;
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

import { xmlSafeText } from '../segment/xml-safe-text';

/**
 * The forms the glossary keeps its texts in, whether typed in a form or read from a file, so that
 * an exported glossary reads back the same. Pure.
 */

/** A term, a translation or an example: one line, white space runs as one space, trimmed, no character XML cannot carry. */
export function lineText(text: string): string {
  return xmlSafeText(text).replace(/\s+/gu, ' ').trim();
}

/** A note or definition: line breaks kept (empty lines dropped), white space within each line as one space. */
export function noteText(text: string): string {
  return xmlSafeText(text)
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

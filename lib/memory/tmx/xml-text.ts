import { xmlSafeText } from '../../segment/xml-safe-text';

export { xmlSafeText };

/** A segment's text as the memory keeps it: XML-safe, white space runs collapsed to one space, trimmed. */
export function segmentText(text: string): string {
  return xmlSafeText(text).replace(/\s+/gu, ' ').trim();
}

/** An attribute value on one line (a line break in an attribute is read back as a space anyway). */
export function attributeText(text: string): string {
  return segmentText(text);
}

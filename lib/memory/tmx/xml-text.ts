/**
 * Characters XML 1.0 cannot carry (C0 controls but tab and line breaks, lone surrogates, U+FFFE/F)
 * and the noncharacters U+FDD0–U+FDEF, which the import writes as its own inline markers: removed
 * from every text read from or written to a TMX file. Pure.
 */
const NOT_XML_TEXT = /[^\t\n\r\u0020-\uD7FF\uE000-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` with the characters above removed and line breaks written as `\n`. */
export function xmlSafeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_XML_TEXT, '');
}

/** A segment's text as the memory keeps it: XML-safe, white space runs collapsed to one space, trimmed. */
export function segmentText(text: string): string {
  return xmlSafeText(text).replace(/\s+/gu, ' ').trim();
}

/** An attribute value on one line (a line break in an attribute is read back as a space anyway). */
export function attributeText(text: string): string {
  return segmentText(text);
}

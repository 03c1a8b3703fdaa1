/**
 * Characters XML 1.0 cannot carry (C0 controls but tab and line breaks, lone surrogates, U+FFFE/F)
 * and the noncharacters U+FDD0–U+FDEF, which the import writes as its own inline markers: removed
 * from every text an XML file is written with or read from (translation memories, downloads).
 * Pure.
 */
const NOT_XML_TEXT = /[^\t\n\r\u0020-\uD7FF\uE000-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` with the characters above removed and line breaks written as `\n`. */
export function xmlSafeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_XML_TEXT, '');
}

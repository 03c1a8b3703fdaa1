import { makeZip } from './zip';

/** Escapes text for WordprocessingML. */
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * One paragraph of a Word document: its text (a tab as `<w:tab/>`, a line break as `<w:br/>`)
 * and, optionally, its paragraph style ("Heading1", "Quote").
 */
export function docxParagraph(text: string, style?: string): string {
  const runs = text
    .split(/(\t|\n)/)
    .map((part) => (part === '\t' ? '<w:tab/>' : part === '\n' ? '<w:br/>' : part ? `<w:t xml:space="preserve">${escapeXml(part)}</w:t>` : ''))
    .join('');
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r>${runs}</w:r></w:p>`;
}

/** A minimal Word document (.docx) holding the given paragraphs (see {@link docxParagraph}); for tests. */
export function makeDocx(paragraphs: readonly string[]): Uint8Array {
  return makeZip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}</w:body></w:document>`,
  });
}

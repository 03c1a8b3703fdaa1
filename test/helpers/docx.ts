import { makeZip } from './zip';

/** Escapes text for WordprocessingML. */
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One run of text: a tab in it as `<w:tab/>`, a line break as `<w:br/>`. */
export function docxRun(text: string): string {
  const parts = text
    .split(/(\t|\n)/)
    .map((part) => (part === '\t' ? '<w:tab/>' : part === '\n' ? '<w:br/>' : part ? `<w:t xml:space="preserve">${escapeXml(part)}</w:t>` : ''))
    .join('');
  return `<w:r>${parts}</w:r>`;
}

/** A paragraph of runs (see {@link docxRun}, or runs wrapped in hyperlinks, insertions…), with an optional paragraph style and list position. */
export function docxParagraphOfRuns(runs: readonly string[], { style, list }: { style?: string; list?: { numId: string; level: number } } = {}): string {
  const properties = `${style ? `<w:pStyle w:val="${style}"/>` : ''}${list ? `<w:numPr><w:ilvl w:val="${list.level}"/><w:numId w:val="${list.numId}"/></w:numPr>` : ''}`;
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${runs.join('')}</w:p>`;
}

/** A run holding a text box with the given paragraphs, as Word writes one (VML). */
export function docxTextBox(paragraphs: readonly string[]): string {
  return `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${paragraphs.join('')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
}

/**
 * One paragraph of a Word document: its text (a tab as `<w:tab/>`, a line break as `<w:br/>`)
 * and, optionally, its paragraph style ("Heading1", "Quote").
 */
export function docxParagraph(text: string, style?: string): string {
  return docxParagraphOfRuns([docxRun(text)], { style });
}

/** A minimal Word document (.docx) holding the given paragraphs (see {@link docxParagraph}), and its list definitions if any; for tests. */
export function makeDocx(paragraphs: readonly string[], { numbering }: { numbering?: string } = {}): Uint8Array {
  return makeZip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}</w:body></w:document>`,
    ...(numbering ? { 'word/numbering.xml': numbering } : {}),
  });
}

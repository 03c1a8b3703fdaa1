/**
 * Made-up scanned pages for the re-import tests: page texts with running headers, as an OCR
 * extraction gives them.
 */

/**
 * A hard-wrapped scan of six pages whose running header falls inside a sentence that runs on
 * from the page before: kept, the header is read as part of that sentence.
 */
export function scannedPages(): string {
  const lines: string[] = [];
  for (let page = 1; page <= 6; page++) {
    lines.push(page % 2 === 0 ? `A HISTORY OF BRIDGES ${page + 10}` : `${page + 10} THE STONE AGE`);
    lines.push(`second summer, when the masters of bridge ${page} had argued about the piers.`, '');
    lines.push(`The river was wide and slow at the ford on page ${page}.`, `Builders came from the towns along the coast in year ${page}.`, `The first arch of bridge number ${page} rose in the`);
  }
  return lines.join('\n');
}

/** Six pages whose running header stands alone above each page's paragraphs. */
export function headedPages(): string {
  const pages: string[] = [];
  for (let page = 1; page <= 6; page++) {
    const header = page % 2 === 0 ? `A HISTORY OF BRIDGES ${page + 10}` : `${page + 10} THE STONE AGE`;
    pages.push([header, `The river was wide and slow at the ford on page ${page}.`, `Builders came from the towns along the coast in year ${page}.`, '', `The piers of bridge ${page} stood for three centuries.`].join('\n'));
  }
  return pages.join('\n\n');
}

import { MAX_SEARCH_QUERY_CHARS } from '../search/schemas';

/** Longest selection looked up (characters); a longer one is cut at a word boundary. */
const MAX_SELECTION_CHARS = MAX_SEARCH_QUERY_CHARS - 2;

/**
 * The concordance query for text selected in the editor (pure, runs in the browser): one word as
 * it is, several as a "phrase" (the words next to each other, as selected), so the search reads
 * the selection literally and never as the search box's syntax (a leading `-`, a trailing `*`, a
 * lone `or`, quotes). Null when the selection has no letter or digit.
 */
export function concordanceQueryFor(selection: string): string | null {
  let text = selection.normalize('NFC').replace(/["\s]+/gu, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  if (text.length > MAX_SELECTION_CHARS) {
    const cut = text.slice(0, MAX_SELECTION_CHARS);
    const space = cut.lastIndexOf(' ');
    text = (space > 0 ? cut.slice(0, space) : cut).trim();
  }
  const isOneWord = !text.includes(' ');
  // One word needs quotes only when it would read as syntax; the words of a phrase never do.
  return isOneWord && /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.\-]*$/u.test(text) && text.toLowerCase() !== 'or' && !text.endsWith('-') ? text : `"${text}"`;
}

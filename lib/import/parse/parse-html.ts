import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes, type TreeAdapter } from 'parse5';

import { MAX_HTML_CHARS, MAX_HTML_DEPTH } from '../../config/limits';
import { AppError } from '../../errors/app-error';
import { sizeInBytes } from '../../errors/error-text';

/**
 * Parses HTML with parse5 (the WHATWG algorithm browsers use, linear in the input and free of
 * recursion), within two caps: at most {@link MAX_HTML_CHARS} characters, and elements open inside
 * each other at most {@link MAX_HTML_DEPTH} deep — the parser's stack of open elements is scanned
 * for many tags, so an unbounded stack would make a crafted page slow to parse. `what` names the
 * file in refusals ("web page", "Word document"). Pure: runs on the server and in the browser.
 * Throws PAYLOAD_TOO_LARGE past either cap.
 */
export function parseHtml(html: string, what: 'page' | 'docx'): DefaultTreeAdapterTypes.Document {
  if (html.length > MAX_HTML_CHARS) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'html.tooLong', { values: { what, limit: sizeInBytes(MAX_HTML_CHARS) }, details: { limit: MAX_HTML_CHARS } });
  }
  let depth = 0;
  const treeAdapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    // The parser reports every push and pop of its stack of open elements, so the count is exact.
    onItemPush() {
      depth += 1;
      if (depth > MAX_HTML_DEPTH) {
        throw new AppError('PAYLOAD_TOO_LARGE', 'html.tooDeep', { values: { what, max: MAX_HTML_DEPTH }, details: { limit: MAX_HTML_DEPTH } });
      }
    },
    onItemPop() {
      depth -= 1;
    },
  };
  return parse(html, { treeAdapter });
}

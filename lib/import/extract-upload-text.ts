import 'server-only';

import { extractText } from './parse/extract-text';
import { readUploadText, type UploadText } from './read-upload-text';
import type { UploadedFile } from './store-upload';

export interface ExtractUploadTextOptions {
  file: UploadedFile;
}

/**
 * The text of an uploaded file exactly as an import would hand it to the cleanup rules, for the
 * import preview of formats the browser cannot read (a Word document is unzipped here). Throws
 * INVALID_INPUT (empty file, no text), PAYLOAD_TOO_LARGE, UNSUPPORTED_ENCODING or
 * UNSUPPORTED_MEDIA_TYPE, with the reason.
 */
export function extractUploadText({ file }: ExtractUploadTextOptions): UploadText {
  return readUploadText({ bytes: file.bytes, filename: file.name, extractedText: extractText(file) });
}

import 'server-only';

import type { UploadText } from './read-upload-text';
import type { UploadedFile } from './store-upload';
import { runParseJob } from './worker/run-parse-job';

export interface ExtractUploadTextOptions {
  file: UploadedFile;
}

/**
 * The text of an uploaded file exactly as an import would hand it to the cleanup rules, for the
 * import preview of formats the browser cannot read (a Word document is unzipped here, in a parse
 * worker). Throws INVALID_INPUT (empty file, no text), PAYLOAD_TOO_LARGE (also for a file too
 * large or complex to read in the time and memory a worker has), UNSUPPORTED_ENCODING,
 * UNSUPPORTED_MEDIA_TYPE or SERVER_BUSY, with the reason.
 */
export async function extractUploadText({ file }: ExtractUploadTextOptions): Promise<UploadText> {
  return runParseJob('read', { file: { name: file.name, bytes: file.bytes } });
}

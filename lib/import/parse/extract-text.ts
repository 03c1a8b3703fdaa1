import 'server-only';

import { docxToText } from './docx-to-text';
import { MAX_UPLOAD_BYTES } from '../../config/limits';
import { AppError } from '../../errors/app-error';
import { sizeInBytes } from '../../errors/error-text';

/**
 * The text of a binary upload the pure import steps cannot read themselves (.docx); undefined for
 * text files. Refuses, as text files are refused when decoded: an empty file, a file over
 * {@link MAX_UPLOAD_BYTES}, and a document without any text; and what {@link docxToText} refuses.
 * Heavy and async (unzips, parses): servers call it inside a parse worker (lib/import/worker).
 */
export async function extractText(file: { name: string; bytes: Uint8Array }): Promise<string | undefined> {
  if (!file.name.toLowerCase().endsWith('.docx')) return undefined;
  if (file.bytes.byteLength === 0) throw new AppError('INVALID_INPUT', 'file.empty');
  if (file.bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'file.tooLarge', { values: { size: sizeInBytes(file.bytes.byteLength), limit: sizeInBytes(MAX_UPLOAD_BYTES) }, details: { limit: MAX_UPLOAD_BYTES } });
  }
  const text = await docxToText(file.bytes);
  if (text.trim().length === 0) throw new AppError('INVALID_INPUT', 'docx.noText');
  return text;
}

import 'server-only';

import { docxToText } from './docx-to-text';

/** The text of a binary upload the pure import steps cannot read themselves (.docx); undefined for text files. */
export function extractText(file: { name: string; bytes: Uint8Array }): string | undefined {
  return file.name.toLowerCase().endsWith('.docx') ? docxToText(file.bytes) : undefined;
}

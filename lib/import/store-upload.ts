import 'server-only';

import { createHash } from 'node:crypto';

import type { Prisma } from '../db/client';
import type { ImportFormat } from './decode/decode-text';

/** A file as it arrived: its name, its bytes, and the media type the browser gave, if any. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  mediaType?: string;
}

const MEDIA_TYPES: Record<ImportFormat, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Keeps an imported file byte for byte, with its SHA-256, so nothing is ever lost. Returns its id. */
export async function storeUpload({ tx, workId, file, format, encoding, uploadedById }: { tx: Prisma.TransactionClient; workId: string; file: UploadedFile; format: ImportFormat; encoding: string; uploadedById: string | null }): Promise<string> {
  const upload = await tx.upload.create({
    data: {
      workId,
      filename: file.name,
      mediaType: file.mediaType || MEDIA_TYPES[format],
      byteSize: file.bytes.byteLength,
      encoding,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) as Uint8Array<ArrayBuffer>,
      uploadedById,
    },
    select: { id: true },
  });
  return upload.id;
}

/** The file of an import form: the uploaded file, or the pasted text as `pasted.txt`. */
export async function uploadFromForm({ file, text }: { file?: File; text?: string }): Promise<UploadedFile> {
  return file
    ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), mediaType: file.type }
    : { name: 'pasted.txt', bytes: new TextEncoder().encode(text ?? ''), mediaType: 'text/plain' };
}

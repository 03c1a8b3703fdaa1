import 'server-only';

import { AppError } from '../errors/app-error';
import { sizeInBytes } from '../errors/error-text';

/** The 413 every body limit throws, with the limit in its details. */
export function payloadTooLarge(maxBytes: number, announcedBytes?: number): AppError {
  const details = { limit: maxBytes };
  if (announcedBytes === undefined) return new AppError('PAYLOAD_TOO_LARGE', 'request.overLimit', { values: { limit: sizeInBytes(maxBytes) }, details });
  return new AppError('PAYLOAD_TOO_LARGE', 'request.tooLarge', { values: { size: sizeInBytes(announcedBytes), limit: sizeInBytes(maxBytes) }, details });
}

/** A body as it streams in: a request's, or the response of a service the server calls. */
export interface StreamedBody {
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
}

/**
 * Reads a request's (or a fetched response's) body, counting bytes as they arrive: a body
 * announced larger than `maxBytes` is refused before it is read, and one that grows past it (a
 * chunked body has no length to announce) is refused as soon as it does, its stream cancelled, so
 * a client or a service can never make the server hold more than `maxBytes` of it. Throws
 * PAYLOAD_TOO_LARGE.
 */
export async function readBodyBytes(message: StreamedBody, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const announced = message.headers.get('content-length');
  if (announced !== null && Number(announced) > maxBytes) {
    await message.body?.cancel().catch(() => undefined);
    throw payloadTooLarge(maxBytes, Number(announced));
  }
  if (!message.body) return new Uint8Array(0);
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

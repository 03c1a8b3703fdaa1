import 'server-only';

import { create as contentDisposition } from 'content-disposition';

import type { Download } from '@/lib/export/download-file';

/**
 * A download as an HTTP answer: its media type, an attachment named both in ASCII (`filename`)
 * and as titled (`filename*=UTF-8''…`), and its bytes streamed as the client reads them.
 */
export function downloadResponse(download: Download): Response {
  const iterator = download.body[Symbol.asyncIterator]();
  // Pulled as the client reads: nothing is written ahead of what the connection takes.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': download.contentType,
      'content-disposition': contentDisposition(download.fileName, { fallback: download.asciiFileName }),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}

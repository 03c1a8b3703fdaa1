import 'server-only';

const LINES_PER_CHUNK = 256;

/**
 * A byte stream over an async iterator of strings, pulled as the client reads (back-pressure),
 * sending a few hundred lines per chunk. `first` is the already-read first item: callers read it
 * before answering so that errors such as NOT_FOUND still become a proper error response.
 */
export function iterableStream(iterator: AsyncIterator<string>, first: IteratorResult<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: IteratorResult<string> | null = first;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = '';
      for (let count = 0; count < LINES_PER_CHUNK; count += 1) {
        const next: IteratorResult<string> = pending ?? (await iterator.next());
        pending = null;
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

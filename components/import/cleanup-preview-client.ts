import { CleanupPreviewSession, failureOf, PreviewError, type CleanupAnalysis, type CleanupPreview, type PreviewFailure, type PreviewReason, type PreviewSource, type RuleChoice } from './cleanup-preview-session';

/** Messages to the preview worker. */
export type PreviewRequest = { id: number; type: 'load'; source: PreviewSource } | { id: number; type: 'preview'; rules: RuleChoice; page: number };

/** Messages from the preview worker, answering the request with the same id. */
export type PreviewResponse =
  | { id: number; type: 'loaded'; analysis: CleanupAnalysis }
  | { id: number; type: 'preview'; preview: CleanupPreview }
  | { id: number; type: 'error'; message: string; failure?: PreviewFailure; reason?: PreviewReason };

/** Runs the import preview for one page; `load` must finish before `preview` is asked. */
export interface CleanupPreviewClient {
  load(source: PreviewSource): Promise<CleanupAnalysis>;
  preview(rules: RuleChoice, page: number): Promise<CleanupPreview>;
  dispose(): void;
}

/**
 * A preview client backed by a Web Worker, or by a session on the main thread (yielding to the
 * event loop first, so "Preparing preview…" paints) when the worker cannot start or fails.
 */
export function createCleanupPreviewClient(): CleanupPreviewClient {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./cleanup.worker.ts', import.meta.url), { type: 'module', name: 'cleanup-preview' });
  } catch {
    worker = null;
  }
  let nextId = 1;
  const pending = new Map<number, { resolve: (response: PreviewResponse) => void; request: PreviewRequest }>();
  const fallback = new CleanupPreviewSession();
  let lastSource: PreviewSource | null = null;

  const runHere = async (request: PreviewRequest): Promise<PreviewResponse> => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      if (request.type === 'load') return { id: request.id, type: 'loaded', analysis: fallback.load(request.source) };
      return { id: request.id, type: 'preview', preview: fallback.preview(request.rules, request.page) };
    } catch (error) {
      return { id: request.id, type: 'error', ...failureOf(error) };
    }
  };

  // A worker that fails to load (or crashes) hands its open requests to the main thread, reloading
  // the source there first because the worker's session is gone.
  const abandonWorker = () => {
    worker?.terminate();
    worker = null;
    const open = [...pending.values()];
    pending.clear();
    void (async () => {
      if (lastSource && !open.some(({ request }) => request.type === 'load')) await runHere({ id: 0, type: 'load', source: lastSource });
      for (const { request, resolve } of open) resolve(await runHere(request));
    })();
  };
  if (worker) {
    worker.onmessage = ({ data }: MessageEvent<PreviewResponse>) => {
      pending.get(data.id)?.resolve(data);
      pending.delete(data.id);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      abandonWorker();
    };
  }

  const send = (request: PreviewRequest): Promise<PreviewResponse> => {
    if (!worker) return runHere(request);
    const current = worker;
    return new Promise((resolve) => {
      pending.set(request.id, { resolve, request });
      // The bytes are copied rather than transferred: the fallback may need them again.
      current.postMessage(request);
    });
  };

  return {
    async load(source) {
      lastSource = source;
      const response = await send({ id: nextId++, type: 'load', source });
      if (response.type === 'error') throw new PreviewError(response.message, response.failure, response.reason);
      if (response.type !== 'loaded') throw new PreviewError('The preview could not be prepared.', 'unprepared');
      return response.analysis;
    },
    async preview(rules, page) {
      const response = await send({ id: nextId++, type: 'preview', rules, page });
      if (response.type === 'error') throw new PreviewError(response.message, response.failure, response.reason);
      if (response.type !== 'preview') throw new PreviewError('The preview could not be prepared.', 'unprepared');
      return response.preview;
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}

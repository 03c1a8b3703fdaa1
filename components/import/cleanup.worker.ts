import type { PreviewRequest, PreviewResponse } from './cleanup-preview-client';
import { CleanupPreviewSession, failureOf } from './cleanup-preview-session';

/**
 * The import preview off the main thread: decoding and cleaning a 700 KB volume takes about half
 * a second, which would freeze typing and the rule switches. Requests are answered in order.
 */
const scope = self as unknown as { onmessage: ((event: MessageEvent<PreviewRequest>) => void) | null; postMessage(message: PreviewResponse): void };
const session = new CleanupPreviewSession();

scope.onmessage = ({ data: request }) => {
  try {
    if (request.type === 'load') scope.postMessage({ id: request.id, type: 'loaded', analysis: session.load(request.source) });
    else scope.postMessage({ id: request.id, type: 'preview', preview: session.preview(request.rules, request.page) });
  } catch (error) {
    scope.postMessage({ id: request.id, type: 'error', ...failureOf(error) });
  }
};

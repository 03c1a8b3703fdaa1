import type { EditorChunk } from '@/lib/editor/types';
import { isAppErrorBody } from '@/lib/errors/app-error';

/** Rows of `count` chunks from `chunk`, from `GET /api/works/:id/editor-rows`; throws with the server's message. */
export async function fetchEditorRows({ workId, language, chunk, count }: { workId: string; language: string; chunk: number; count: number }): Promise<EditorChunk[]> {
  const query = new URLSearchParams({ lang: language, chunk: String(chunk), count: String(count) });
  let response: Response;
  try {
    response = await fetch(`/api/works/${encodeURIComponent(workId)}/editor-rows?${query.toString()}`, { headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch {
    throw new Error('The rows could not be loaded: the server cannot be reached.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(isAppErrorBody(body) ? body.error.message : `The rows could not be loaded (the server answered ${response.status}).`);
  return (body as { chunks: EditorChunk[] }).chunks;
}

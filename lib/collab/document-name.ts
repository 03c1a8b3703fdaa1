/**
 * Names of collaboration documents. A work is co-edited as one Yjs document per language and
 * chunk of segments (`segment.chunk`), named `work/<work id>/<language>/<chunk>`; the editor
 * attaches the chunks it shows over one shared WebSocket.
 */

export interface CollabDocumentKey {
  workId: string;
  language: string;
  chunk: number;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** BCP 47-shaped tags as stored on works ("en", "ru", "pt-BR", "sr-Latn"). */
const LANGUAGE = '[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*';
const NAME_PATTERN = new RegExp(`^work/(${UUID})/(${LANGUAGE})/(0|[1-9][0-9]{0,5})$`);

export function collabDocumentName({ workId, language, chunk }: CollabDocumentKey): string {
  return `work/${workId}/${language}/${chunk}`;
}

/** The key a document name stands for, or null when the name is not one of ours. */
export function parseCollabDocumentName(name: string): CollabDocumentKey | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  return { workId: match[1] as string, language: match[2] as string, chunk: Number(match[3]) };
}

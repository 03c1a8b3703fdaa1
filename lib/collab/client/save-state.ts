/**
 * What the editor's save indicator says, derived from the socket and every attached document so
 * that it never claims more than is true: "Saved" only when the socket is connected and no
 * document has a change the server has not confirmed.
 */

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

export interface DocumentSyncState {
  /** The first sync with the server is done (the server's state is in, ours is out). */
  isSynced: boolean;
  /** Changes sent but not yet confirmed by the server. */
  hasUnsyncedChanges: boolean;
  /** Set once authenticated: whether the server applies this client's changes. */
  scope: 'read-write' | 'readonly' | null;
  /** Why the server refused the document, if it did. */
  refusal: string | null;
}

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'connecting' }
  | { kind: 'offline' }
  | { kind: 'readonly' }
  | { kind: 'refused'; reason: string };

export function deriveSaveState({ socket, isOnline, documents }: { socket: SocketStatus; isOnline: boolean; documents: readonly DocumentSyncState[] }): SaveState {
  if (!isOnline || socket === 'disconnected') return { kind: 'offline' };
  const refused = documents.find((document) => document.refusal !== null);
  if (refused?.refusal) return { kind: 'refused', reason: refused.refusal };
  // No document attached yet: nothing has been confirmed, whatever the socket says.
  if (socket === 'connecting' || documents.length === 0 || documents.some((document) => !document.isSynced || document.scope === null)) {
    return documents.some((document) => document.hasUnsyncedChanges && document.isSynced) ? { kind: 'saving' } : { kind: 'connecting' };
  }
  if (documents.every((document) => document.scope === 'readonly')) return { kind: 'readonly' };
  if (documents.some((document) => document.hasUnsyncedChanges)) return { kind: 'saving' };
  return { kind: 'saved' };
}

/** The words the indicator shows for a state. */
export function describeSaveState(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'connecting':
      return 'Connecting…';
    case 'offline':
      return 'Offline — drafts kept in this browser';
    case 'readonly':
      return 'Read only';
    case 'refused':
      return `Drafts unavailable (${REFUSALS[state.reason] ?? state.reason})`;
  }
}

const REFUSALS: Record<string, string> = {
  forbidden: 'you may not read this work',
  'unknown-document': 'this text has changed; reload the page',
  'account-disabled': 'this account is disabled',
  'session-ended': 'you were signed out; sign in again',
  'expired-token': 'the session expired; reload the page',
  'invalid-token': 'sign in again',
  'missing-token': 'sign in again',
};

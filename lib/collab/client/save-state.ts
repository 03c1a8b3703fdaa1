/**
 * What the editor's save indicator says, derived from the socket and every attached document so
 * that it never claims more than is true: "Saved" only when the socket is connected and no
 * document has a change the server has not confirmed.
 */

import type { useTranslations } from 'next-intl';

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

/** The save indicator's messages (`useTranslations('editor.saveIndicator')`). */
export type SaveStateTranslator = ReturnType<typeof useTranslations<'editor.saveIndicator'>>;

/** The words the indicator shows for a state. */
export function describeSaveState(state: SaveState, t: SaveStateTranslator): string {
  switch (state.kind) {
    case 'saved':
    case 'saving':
    case 'connecting':
    case 'offline':
    case 'readonly':
      return t(state.kind);
    case 'refused': {
      const refusal = REFUSALS[state.reason];
      return t('refused', { reason: refusal ? t(`refusals.${refusal}`) : state.reason });
    }
  }
}

/** The collaboration server's reasons for refusing a document, and the keys of their explanations. */
const REFUSALS: Partial<Record<string, 'forbidden' | 'unknownDocument' | 'accountDisabled' | 'sessionEnded' | 'expiredToken' | 'signInAgain'>> = {
  forbidden: 'forbidden',
  'unknown-document': 'unknownDocument',
  'account-disabled': 'accountDisabled',
  'session-ended': 'sessionEnded',
  'expired-token': 'expiredToken',
  'invalid-token': 'signInAgain',
  'missing-token': 'signInAgain',
};

/**
 * Why a collaboration connection was refused: sent to the client as the reason of Hocuspocus'
 * permission-denied message (the editor shows it) and logged on the server.
 */
export type CollabRefusalReason = 'missing-token' | 'invalid-token' | 'expired-token' | 'account-disabled' | 'session-ended' | 'unknown-document' | 'forbidden';

export class CollabRefusal extends Error {
  constructor(readonly reason: CollabRefusalReason) {
    super(`Collaboration connection refused: ${reason}`);
  }
}

/** A message the server will not apply; closes that document's connection and leaves the document as it was. */
export class MalformedMessage extends Error {
  readonly code = 4400;
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Whether a document was closed because the server refused an update of the client's as
 * malformed (`validate-update.ts`). The client's copy then holds a change the server will never
 * take, and would send it again on every reconnect: the editor drops its copy instead.
 */
export function isRefusedUpdateReason(reason: string): boolean {
  return reason === 'malformed-update' || reason.startsWith('invalid-update');
}

import * as decoding from 'lib0/decoding';

/** Hocuspocus' message type of the confirmation that the server has a client's update. */
const SYNC_STATUS = 8;

/** Whether an outgoing Hocuspocus message (document name, type, …) is a SyncStatus confirmation. */
export function isSyncStatusMessage(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    // The document name, skipped as bytes (same length-prefixed layout as a string, nothing decoded).
    decoding.readVarUint8Array(decoder);
    return decoding.readVarUint(decoder) === SYNC_STATUS;
  } catch {
    return false;
  }
}

/** The part of a Hocuspocus connection this module needs: its `send`. */
export interface AckedConnection {
  send(message: Uint8Array): void;
}

/**
 * Confirmations held back until the updates they confirm are stored. The server applies (and so
 * broadcasts) a client's update at once, while its write to the update log is in flight; the
 * SyncStatus message that tells the client "the server has it" is sent only once every update the
 * connection sent before it is committed. Other clients see a keystroke without waiting for the
 * commit, and a confirmed keystroke is still a committed row: if the server dies in between, the
 * sender still counts the update as unsynced and sends it again on reconnect (so does every client
 * that received it).
 */
export class DeferredAcks {
  private readonly chains = new WeakMap<AckedConnection, { last: Promise<void> }>();

  /**
   * Registers the write of an update `connection` sent; confirmations it is sent from now on wait
   * for that write (and all earlier ones). When a write fails, `onFailure` runs once and no later
   * confirmation reaches the connection (the caller closes it; the client re-sends on reconnect).
   */
  track(connection: AckedConnection, stored: Promise<void>, onFailure: (error: unknown) => void): void {
    let chain = this.chains.get(connection);
    if (!chain) {
      chain = { last: Promise.resolve() };
      this.chains.set(connection, chain);
      const state = chain;
      const send = connection.send.bind(connection);
      connection.send = (message: Uint8Array) => {
        if (!isSyncStatusMessage(message)) return send(message);
        state.last.then(
          () => send(message),
          () => undefined,
        );
      };
    }
    const previous = chain.last;
    chain.last = Promise.all([previous, stored]).then(() => undefined);
    // Report this write's failure once; a failure of an earlier write was reported by its own call.
    previous.then(
      () => stored.catch(onFailure),
      () => stored.catch(() => undefined),
    );
  }
}

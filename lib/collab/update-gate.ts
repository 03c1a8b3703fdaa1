/**
 * Serialises, per document, the check of a client's update with its application. Hocuspocus
 * awaits `beforeSync` and applies the update a few microtasks later; without a gate, updates from
 * several connections could all be checked against the same state and then all be applied (each
 * one under the draft length limit, together far over it). A connection enters in `beforeSync`
 * and leaves in `afterHandleMessage`, which Hocuspocus runs after every message, applied or not.
 */
export class UpdateGate {
  private readonly tails = new WeakMap<object, Promise<void>>();
  private readonly held = new WeakMap<object, () => void>();

  /** Resolves once every update entered earlier for `document` has been handled. */
  async enter(document: object, connection: object): Promise<void> {
    const previous = this.tails.get(document) ?? Promise.resolve();
    let release = () => undefined as void;
    const handled = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(document, previous.then(() => handled));
    this.held.set(connection, release);
    await previous;
  }

  /** The connection's message was handled: the next update of its document may be checked. */
  leave(connection: object): void {
    const release = this.held.get(connection);
    if (!release) return;
    this.held.delete(connection);
    release();
  }
}

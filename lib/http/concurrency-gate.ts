import { AppError } from '../errors/app-error';

/** How many requests of one route may be in hand at once, per account and in all (per process). */
export interface ConcurrencyLimit {
  /** Requests of one actor (an account, else the client's address) at once; one more is refused with RATE_LIMITED. */
  perActor: number;
  /** Requests of everyone at once; one more is refused with SERVER_BUSY. */
  total: number;
  /** What the requests do, for the refusals' messages (`errors.http.alreadyDoing`: “importing a translation memory”). */
  doing: 'memoryImport' | 'download' | 'xliffImport' | 'glossaryImport';
  /** Sent as Retry-After with a refusal. */
  retryAfterSeconds: number;
  /**
   * The answer's body does the work (a download written as it streams): the slot is held until
   * the body has been sent or abandoned, not only until the handler has answered.
   */
  isHeldWhileStreaming?: boolean;
}

/**
 * Slots for the requests of one route that hold much memory or CPU while they run (a large upload
 * read whole, then imported; a download written as it streams): taken before the request's body is
 * read, given back when the handler has answered or, for a streamed answer, when its body has been
 * sent or abandoned (`defineRoute`),
 * so that one account cannot start ten and everyone together cannot start more than the machine
 * takes. Counted per process: each app process guards its own memory.
 */
export class ConcurrencyGate {
  private total = 0;
  private readonly byActor = new Map<string, number>();

  constructor(readonly limit: ConcurrencyLimit) {}

  /** Takes a slot for `actorKey`, or throws; the returned function gives it back (once). */
  enter(actorKey: string): () => void {
    const held = this.byActor.get(actorKey) ?? 0;
    const { perActor, total, doing, retryAfterSeconds } = this.limit;
    if (held >= perActor) {
      if (perActor === 1) throw new AppError('RATE_LIMITED', 'http.alreadyDoing', { values: { doing }, details: { retryAfterSeconds } });
      throw new AppError('RATE_LIMITED', 'http.alreadyDoingMany', { values: { doing, perActor }, details: { retryAfterSeconds } });
    }
    if (this.total >= total) throw new AppError('SERVER_BUSY', 'http.serverBusy', { values: { doing }, details: { retryAfterSeconds } });
    this.total += 1;
    this.byActor.set(actorKey, held + 1);
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      this.total -= 1;
      const left = (this.byActor.get(actorKey) ?? 1) - 1;
      if (left > 0) this.byActor.set(actorKey, left);
      else this.byActor.delete(actorKey);
    };
  }
}

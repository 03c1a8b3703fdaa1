/**
 * Short-lived memory of what authenticating a connection reads from the database — the account
 * behind a token and where a work belongs — so that an editor attaching several chunks of one work
 * over one socket costs those queries once, not once per chunk. A user's entry is forgotten as
 * soon as their access changes (the same notification closes their sockets).
 */
export class AccessCache<A, W> {
  private readonly actors = new Map<string, { value: Promise<A>; expiresAt: number }>();
  private readonly works = new Map<string, { value: Promise<W | null>; expiresAt: number }>();

  constructor(private readonly ttlMs = 10_000) {}

  actor(userId: string, load: () => Promise<A>): Promise<A> {
    return this.remember(this.actors, userId, load, () => true);
  }

  /** `isEnough` says whether a remembered value answers the question (a new language or chunk reloads it). */
  async work(workId: string, load: () => Promise<W | null>, isEnough: (work: W | null) => boolean): Promise<W | null> {
    return this.remember(this.works, workId, load, isEnough);
  }

  forgetUser(userId: string): void {
    this.actors.delete(userId);
  }

  private async remember<T>(entries: Map<string, { value: Promise<T>; expiresAt: number }>, key: string, load: () => Promise<T>, isEnough: (value: T) => boolean): Promise<T> {
    const now = Date.now();
    const cached = entries.get(key);
    if (cached && cached.expiresAt > now) {
      const value = await cached.value.catch(() => undefined);
      if (value !== undefined && isEnough(value)) return value;
    }
    const value = load();
    entries.set(key, { value, expiresAt: now + this.ttlMs });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    if (entries.size > 10_000) entries.delete(entries.keys().next().value as string);
    return value;
  }
}

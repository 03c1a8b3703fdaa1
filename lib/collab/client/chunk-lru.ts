/**
 * Which chunk documents to let go of. The editor keeps a provider attached for every chunk whose
 * rows are near the viewport ("wanted"), keeps the ones the reader just scrolled past for a grace
 * period (scrolling back is common and re-syncing costs a round trip), and holds at most
 * `capacity` chunks otherwise, dropping the least recently wanted first. A chunk with changes the
 * server has not confirmed is never let go of: the save indicator would stop counting it.
 */

export interface AttachedChunk {
  chunk: number;
  /** When the chunk was last near the viewport (ms). */
  lastWantedAt: number;
  /** Has changes the server has not confirmed yet. */
  isBusy: boolean;
}

export interface PlanDetachmentsOptions {
  attached: readonly AttachedChunk[];
  wanted: ReadonlySet<number>;
  now: number;
  /** How long a chunk stays attached after it left the viewport (ms). */
  graceMs: number;
  /** Most chunks kept attached when not wanted (wanted chunks always stay). */
  capacity: number;
}

/** The chunks to detach now, least recently wanted first. */
export function planDetachments({ attached, wanted, now, graceMs, capacity }: PlanDetachmentsOptions): number[] {
  const candidates = attached.filter((entry) => !wanted.has(entry.chunk) && !entry.isBusy).sort((a, b) => a.lastWantedAt - b.lastWantedAt || a.chunk - b.chunk);
  const detach = new Set(candidates.filter((entry) => now - entry.lastWantedAt >= graceMs).map((entry) => entry.chunk));
  let remaining = attached.length - detach.size;
  for (const entry of candidates) {
    if (remaining <= capacity) break;
    if (detach.has(entry.chunk)) continue;
    detach.add(entry.chunk);
    remaining -= 1;
  }
  return candidates.filter((entry) => detach.has(entry.chunk)).map((entry) => entry.chunk);
}

/** When the next chunk's grace period ends (ms), or null when no chunk is waiting to be let go. */
export function nextDetachmentAt({ attached, wanted, graceMs }: Pick<PlanDetachmentsOptions, 'attached' | 'wanted' | 'graceMs'>): number | null {
  let next: number | null = null;
  for (const entry of attached) {
    if (wanted.has(entry.chunk)) continue;
    const at = entry.lastWantedAt + graceMs;
    if (next === null || at < next) next = at;
  }
  return next;
}

/**
 * Presence in the segment editor. Every attached chunk document carries the local user's
 * awareness state: who they are, which tab ("session", the same in every chunk of one page) and,
 * in the chunk that holds it, the segment they are in with their caret and selection as Yjs
 * relative positions (so they stay on the same characters while others type). The avatars are the
 * union over all attached chunks.
 */

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

/** The awareness state one tab publishes in one chunk document. */
export interface PresenceState {
  /** One id per editor tab, shared by its chunks. */
  session: string;
  /** null for guests (read-only readers are counted, not named). */
  user: PresenceUser | null;
  /** The segment being edited, only in the chunk that holds it. */
  segmentId: string | null;
  /** Selection anchor and head (`Y.relativePositionToJSON` output); null without a focused segment. */
  anchor: unknown;
  head: unknown;
}

/** Someone else in the editor, with where they are. */
export interface Peer {
  session: string;
  user: PresenceUser;
  segmentId: string | null;
  /** The chunk whose document the positions belong to. */
  chunk: number | null;
  anchor: unknown;
  head: unknown;
}

/** What the awareness of one attached chunk holds: states by Yjs client id. */
export interface ChunkAwareness {
  chunk: number;
  states: ReadonlyMap<number, unknown>;
}

/** A remote state read defensively (anyone can publish anything in awareness). */
export function parsePresence(value: unknown): PresenceState | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = value as Record<string, unknown>;
  if (typeof state.session !== 'string' || state.session.length > 64) return null;
  const user = parseUser(state.user);
  if (state.user !== null && !user) return null;
  const segmentId = typeof state.segmentId === 'string' && state.segmentId.length <= 64 ? state.segmentId : null;
  return { session: state.session, user, segmentId, anchor: segmentId ? (state.anchor ?? null) : null, head: segmentId ? (state.head ?? null) : null };
}

function parseUser(value: unknown): PresenceUser | null {
  if (typeof value !== 'object' || value === null) return null;
  const user = value as Record<string, unknown>;
  if (typeof user.id !== 'string' || typeof user.name !== 'string' || typeof user.color !== 'string') return null;
  if (!/^#[0-9a-f]{6}$/i.test(user.color)) return null;
  return { id: user.id.slice(0, 64), name: user.name.slice(0, 120), color: user.color };
}

/**
 * Everyone else in the editor, from the awareness of every attached chunk: one peer per other
 * session (with the segment it is in, from whichever chunk says so), guests left out, and the
 * avatars, one per user, sorted by name.
 */
export function collectPeers(chunks: readonly ChunkAwareness[], ownSession: string): { peers: Peer[]; avatars: PresenceUser[]; guests: number } {
  const peers = new Map<string, Peer>();
  const guestSessions = new Set<string>();
  for (const { chunk, states } of chunks) {
    for (const value of states.values()) {
      const state = parsePresence(value);
      if (!state || state.session === ownSession) continue;
      if (!state.user) {
        guestSessions.add(state.session);
        continue;
      }
      const known = peers.get(state.session);
      if (!known || (state.segmentId && !known.segmentId)) {
        peers.set(state.session, { session: state.session, user: state.user, segmentId: state.segmentId, chunk: state.segmentId ? chunk : null, anchor: state.anchor, head: state.head });
      }
    }
  }
  const avatars = new Map<string, PresenceUser>();
  for (const peer of peers.values()) if (!avatars.has(peer.user.id)) avatars.set(peer.user.id, peer.user);
  return {
    peers: [...peers.values()].sort((a, b) => a.user.name.localeCompare(b.user.name) || a.session.localeCompare(b.session)),
    avatars: [...avatars.values()].sort((a, b) => a.name.localeCompare(b.name)),
    guests: guestSessions.size,
  };
}

/** Colours that read on white and differ from one another; a user keeps theirs everywhere. */
const PALETTE = ['#b4451f', '#1f7a4d', '#2b5fb4', '#8a3fb0', '#b0306a', '#0f7c86', '#8a6a00', '#5b5fc7', '#a33b3b', '#3d7a1f'];

export function colorFor(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i += 1) hash = Math.imul(hash ^ userId.charCodeAt(i), 0x01000193) >>> 0;
  return PALETTE[hash % PALETTE.length] as string;
}

/** One or two letters for an avatar: "Ada Lovelace" → "AL", "ada" → "A". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : words.slice(0, 1);
  return letters.map((word) => Array.from(word ?? '')[0]?.toLocaleUpperCase() ?? '').join('') || '?';
}

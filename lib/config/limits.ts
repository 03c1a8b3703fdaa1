/** Every size and count limit of Interlinear, defined once; routes, CLIs and UI hints import these. */

/** Largest file accepted by an import (bytes). A whole collected-works volume is under 2 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Longest text one segment may hold (characters). */
export const MAX_SEGMENT_CHARS = 20_000;

/** Most segments one import may create. */
export const MAX_SEGMENTS_PER_IMPORT = 200_000;

/** Segments the reader renders per window; the rest of a work loads as the reader scrolls. */
export const READER_WINDOW_SEGMENTS = 200;

/**
 * Text-bearing segments per collaboration document: a work is co-edited as one Yjs document per
 * chunk, attached as the editor scrolls over it (lib/collab).
 */
export const SEGMENTS_PER_CHUNK = 100;

/** Largest WebSocket message the collaboration server accepts (bytes); a larger one closes the connection. */
export const MAX_COLLAB_MESSAGE_BYTES = 1024 * 1024;

/** Longest title or metadata field (characters). */
export const MAX_TITLE_CHARS = 300;

/** Password length bounds for sign-up. */
export const MIN_PASSWORD_CHARS = 10;
export const MAX_PASSWORD_CHARS = 200;

/** Human-readable form of a byte count, for limit messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

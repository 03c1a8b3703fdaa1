'use client';

import { useEffect } from 'react';
import type * as Y from 'yjs';

import type { CollabConnection } from '@/lib/collab/client/collab-connection';

import { selectionToRelative } from './textarea-binding';

/**
 * Publishes where this tab's user is: the segment whose draft has focus and the selection in it,
 * as relative positions, whenever focus or the selection changes (one awareness update per
 * animation frame at most). Leaving the drafts altogether clears it.
 */
export function usePresenceReporting(connection: CollabConnection | null, locate: (segmentId: string) => { chunk: number; text: Y.Text | undefined } | null): void {
  useEffect(() => {
    if (!connection) return;
    let frame: number | null = null;
    const report = () => {
      frame = null;
      const active = document.activeElement;
      const segmentId = active instanceof HTMLTextAreaElement ? active.dataset.draft : undefined;
      const place = segmentId ? locate(segmentId) : null;
      if (!segmentId || !place || !(active instanceof HTMLTextAreaElement)) {
        connection.setFocus(null);
        return;
      }
      const selection = place.text ? selectionToRelative(active, place.text) : { anchor: null, head: null };
      connection.setFocus({ segmentId, chunk: place.chunk, ...selection });
    };
    const schedule = () => {
      if (frame === null) frame = requestAnimationFrame(report);
    };
    document.addEventListener('selectionchange', schedule);
    document.addEventListener('focusin', schedule);
    document.addEventListener('focusout', schedule);
    document.addEventListener('input', schedule);
    schedule();
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      document.removeEventListener('focusin', schedule);
      document.removeEventListener('focusout', schedule);
      document.removeEventListener('input', schedule);
    };
  }, [connection, locate]);
}

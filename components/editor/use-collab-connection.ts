'use client';

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';

import { CollabConnection } from '@/lib/collab/client/collab-connection';
import { collectPeers, type PresenceUser } from '@/lib/collab/client/presence';
import type { SaveState } from '@/lib/collab/client/save-state';

import { fetchCollabTicket } from './fetch-collab-ticket';

const RETRY_MS = 5_000;

/**
 * The page's collaboration connection, opened on mount and closed on unmount. Opening needs a
 * first token; when that request fails (offline at load, server restarting) it is retried, and
 * `hasFailed` says so until it succeeds (the save indicator then says the drafts stay here).
 */
export function useCollabConnection({ workId, language, user }: { workId: string; language: string; user: PresenceUser | null }): { connection: CollabConnection | null; hasFailed: boolean } {
  const [state, setState] = useState<{ connection: CollabConnection | null; hasFailed: boolean }>({ connection: null, hasFailed: false });
  const userId = user?.id ?? null;
  const userName = user?.name ?? null;
  const userColor = user?.color ?? null;

  useEffect(() => {
    let isCancelled = false;
    let opened: CollabConnection | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const presenceUser = userId && userName && userColor ? { id: userId, name: userName, color: userColor } : null;
    const open = () => {
      CollabConnection.open({ workId, language, user: presenceUser, fetchTicket: fetchCollabTicket }).then(
        (connection) => {
          if (isCancelled) return connection.destroy();
          opened = connection;
          setState({ connection, hasFailed: false });
        },
        () => {
          if (isCancelled) return;
          setState({ connection: null, hasFailed: true });
          retry = setTimeout(open, RETRY_MS);
        },
      );
    };
    open();
    return () => {
      isCancelled = true;
      if (retry) clearTimeout(retry);
      opened?.destroy();
      setState({ connection: null, hasFailed: false });
    };
  }, [workId, language, userId, userName, userColor]);

  return state;
}

const noSubscription = () => () => undefined;

/** What the save indicator says, re-derived whenever the socket or a document changes. */
export function useSaveState(connection: CollabConnection | null, hasFailed: boolean): SaveState {
  const subscribe = useCallback((onChange: () => void) => connection?.subscribe(onChange) ?? noSubscription(), [connection]);
  useSyncExternalStore(subscribe, () => connection?.version ?? -1, () => -1);
  if (connection) return connection.saveState();
  return hasFailed ? { kind: 'offline' } : { kind: 'connecting' };
}

/** Version of the pool's attachments (attach, detach, sync), for components that read sessions. */
export function usePoolVersion(connection: CollabConnection | null): number {
  const subscribe = useCallback((onChange: () => void) => connection?.pool.subscribe(onChange) ?? noSubscription(), [connection]);
  return useSyncExternalStore(subscribe, () => connection?.pool.version ?? -1, () => -1);
}

/** Everyone else in the editor (union of the attached chunks' awareness). */
export function usePeers(connection: CollabConnection | null): ReturnType<typeof collectPeers> {
  const subscribe = useCallback((onChange: () => void) => connection?.pool.subscribePresence(onChange) ?? noSubscription(), [connection]);
  const version = useSyncExternalStore(subscribe, () => connection?.pool.presenceVersion ?? -1, () => -1);
  // Awareness changes are the only thing that changes the result: recompute on each version.
  return useMemo(
    () =>
      connection && version >= 0
        ? collectPeers(connection.pool.all().map((session) => ({ chunk: session.chunk, states: session.provider.awareness?.getStates() ?? new Map<number, unknown>() })), connection.session)
        : { peers: [], avatars: [], guests: 0 },
    [connection, version],
  );
}

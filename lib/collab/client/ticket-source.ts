import { isAppErrorBody } from '../../errors/app-error';

/** What `POST /api/collab/token` answers. */
export interface CollabTicket {
  token: string;
  /** Expiry, milliseconds since the epoch. */
  expiresAt: number;
  /** WebSocket URL of the collaboration server; null: `/collab` on the page's own origin. */
  url: string | null;
}

/** Asks the app for a collaboration token for whoever is signed in (a read-only one for guests). */
export async function fetchCollabTicket(): Promise<CollabTicket> {
  const response = await fetch('/api/collab/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', cache: 'no-store' });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(isAppErrorBody(body) ? body.error.message : `The server answered ${response.status}.`);
  return body as CollabTicket;
}

/**
 * Tokens for the providers of one page. Tokens live five minutes and every (re)connection of a
 * document needs one, so one is fetched when needed and shared until shortly before it expires;
 * concurrent callers (six chunks attaching at once) share one request.
 */
export function createTicketSource({ fetchTicket = fetchCollabTicket, now = Date.now, marginMs = 30_000 }: { fetchTicket?: () => Promise<CollabTicket>; now?: () => number; marginMs?: number } = {}) {
  let current: CollabTicket | null = null;
  let pending: Promise<CollabTicket> | null = null;
  const get = (): Promise<CollabTicket> => {
    if (current && current.expiresAt - marginMs > now()) return Promise.resolve(current);
    pending ??= fetchTicket().then(
      (ticket) => {
        current = ticket;
        pending = null;
        return ticket;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  return { get, token: async () => (await get()).token };
}

/** The WebSocket URL of a ticket, resolved against the page's location. */
export function collabSocketUrl(ticket: CollabTicket, location: { protocol: string; host: string }): string {
  if (ticket.url) return ticket.url;
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

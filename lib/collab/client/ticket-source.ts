/** What `POST /api/collab/token` answers (fetched by the page, which passes `fetchTicket`). */
export interface CollabTicket {
  token: string;
  /** Expiry, milliseconds since the epoch. */
  expiresAt: number;
  /** WebSocket URL of the collaboration server; null: `/collab` on the page's own origin. */
  url: string | null;
}

/**
 * Tokens for the providers of one page. Tokens live five minutes and every (re)connection of a
 * document needs one, so one is fetched when needed and shared until shortly before it expires;
 * concurrent callers (six chunks attaching at once) share one request.
 */
export function createTicketSource({ fetchTicket, now = Date.now, marginMs = 30_000 }: { fetchTicket: () => Promise<CollabTicket>; now?: () => number; marginMs?: number }) {
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

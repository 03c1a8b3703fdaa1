import type { CollabTicket } from '@/lib/collab/client/ticket-source';

import { postJson } from '../http/api-request';

/**
 * Asks the app for a collaboration token for whoever is signed in (a read-only one for guests).
 * Rejects with the reason, so the connection's ticket source tries again on its next need.
 */
export async function fetchCollabTicket(): Promise<CollabTicket> {
  const result = await postJson<CollabTicket>('/api/collab/token');
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

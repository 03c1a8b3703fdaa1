import 'server-only';

import { PEER_ADDRESS_HEADER } from './peer-address';
import { getEnv } from '../config/env';

/**
 * The network address of the client behind a request (or its headers). X-Forwarded-For is
 * believed only when the app is configured to sit behind `trustedProxies` proxies (TRUST_PROXY):
 * each appends the address it received from, so the client's is that many entries from the end
 * and anything to the left of it may be forged. Otherwise the socket's address, as the app server
 * passes it; 'unknown' when neither is available (all such clients then share one rate-limit
 * bucket).
 */
export function clientAddress(request: Request | Pick<Headers, 'get'>, { trustedProxies = getEnv().TRUST_PROXY }: { trustedProxies?: number } = {}): string {
  // Server actions (next/headers) and next-auth's callbacks see the headers only. (Next's
  // headers object has a `headers` field of its own: test for a Request, not for the field.)
  const headers = request instanceof Request ? request.headers : request;
  if (trustedProxies > 0) {
    const hops = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const forwarded = hops[hops.length - trustedProxies];
    if (forwarded) return normaliseAddress(forwarded);
  }
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  return peer ? normaliseAddress(peer) : 'unknown';
}

/** One spelling per address: IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d. */
function normaliseAddress(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}

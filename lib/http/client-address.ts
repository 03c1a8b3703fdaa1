import 'server-only';

import { isIPv6 } from 'node:net';

import { PEER_ADDRESS_HEADER } from './peer-address';
import { getEnv } from '../config/env';

/**
 * The network address of the client behind a request (or its headers). X-Forwarded-For is
 * believed only when the app is configured to sit behind `trustedProxies` proxies (TRUST_PROXY):
 * each appends the address it received from, so the client's is that many entries from the end
 * and anything to the left of it may be forged. Otherwise the socket's address, as the app server
 * passes it; 'unknown' when neither is available (all such clients then share one rate-limit
 * bucket). Used to count requests for rate limits, so an IPv6 address stands for its /64 network:
 * one subscriber usually gets a whole /64 and could otherwise take a new address per request.
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

/**
 * One spelling per client: IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d (kept as
 * a.b.c.d); an IPv6 address becomes its /64 network (`2001:db8:1:2::/64`).
 */
function normaliseAddress(address: string): string {
  const lower = address.toLowerCase().replace(/%.*$/, '');
  if (lower.startsWith('::ffff:') && lower.includes('.')) return lower.slice(7);
  if (!isIPv6(lower)) return lower;
  return `${expandIPv6(lower).slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (an embedded IPv4 tail counts as two). */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const groupsOf = (part: string) =>
    part
      .split(':')
      .filter(Boolean)
      .flatMap((group) => {
        if (!group.includes('.')) return [group];
        const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
        return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
      });
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const zeros = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right];
}

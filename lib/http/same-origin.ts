import 'server-only';

import { AppError } from '../errors/app-error';

/** Methods that change nothing: never refused for where they come from. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that a browser sent from another origin (cross-site request
 * forgery): session cookies are `SameSite=Lax`, which still lets a sibling origin of the same site
 * send them with a form or a `no-cors` fetch. Browsers name where a request comes from in
 * `Sec-Fetch-Site` and `Origin`; requests without either (command-line clients, tests) are not
 * forgeable by a web page and pass. The app's own origins are those of `publicUrl` (NEXTAUTH_URL)
 * and of the Host the request was sent to. Throws FORBIDDEN.
 */
export function assertSameOrigin(method: string, headers: Headers, { publicUrl = process.env.NEXTAUTH_URL }: { publicUrl?: string } = {}): void {
  if (SAFE_METHODS.has(method.toUpperCase())) return;
  const fetchSite = headers.get('sec-fetch-site');
  // 'none' is a navigation the user started (typed URL, bookmark): no other site was involved.
  if (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none') throw crossSite();
  const origin = headers.get('origin');
  if (origin === null) return;
  if (!ownOrigins(headers, publicUrl).has(origin.toLowerCase())) throw crossSite();
}

function ownOrigins(headers: Headers, publicUrl: string | undefined): Set<string> {
  const origins = new Set<string>();
  if (publicUrl) {
    try {
      origins.add(new URL(publicUrl).origin.toLowerCase());
    } catch {
      // An unparsable NEXTAUTH_URL is refused by the environment schema at start; nothing to add.
    }
  }
  const host = headers.get('host');
  if (host) {
    const protocol = publicUrl?.startsWith('https:') ? 'https' : 'http';
    origins.add(`${protocol}://${host}`.toLowerCase());
  }
  return origins;
}

function crossSite(): AppError {
  return new AppError('FORBIDDEN', 'http.crossSite');
}

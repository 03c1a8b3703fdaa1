import 'server-only';

import { getEnv } from '@/lib/config/env';
import { feedOrigin } from '@/lib/feed/feed-urls';

/** The origin a feed's links are written for: the app's public address, else the request's. */
export function requestFeedOrigin(request: Request): string {
  return feedOrigin(getEnv().NEXTAUTH_URL, request.url);
}

/** A feed as an HTTP answer: its media type, and cacheable for a few minutes (it is the same for everyone). */
export function feedResponse(xml: string, contentType: string): Response {
  return new Response(xml, { headers: { 'content-type': contentType, 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' } });
}

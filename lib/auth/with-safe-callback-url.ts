import 'server-only';

import { NextRequest } from 'next/server';

import { safeCallbackUrl } from './safe-callback-url';
import { getEnv } from '../config/env';

/**
 * The request to next-auth's handler with its `callbackUrl` query parameter, if any, replaced by
 * the same-site path it may lead to ({@link safeCallbackUrl}). next-auth checks that parameter
 * before any callback runs and answers 500 to one it cannot parse as an http(s) URL ("%0A",
 * "javascript:…"); what it leads to is then decided by the `redirect` callback as always.
 */
export async function withSafeCallbackUrl(request: NextRequest): Promise<NextRequest> {
  const value = request.nextUrl.searchParams.get('callbackUrl');
  if (value === null) return request;
  const url = request.nextUrl.clone();
  url.searchParams.set('callbackUrl', safeCallbackUrl(value, getEnv().NEXTAUTH_URL ?? request.nextUrl.origin));
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new NextRequest(url, { method: request.method, headers: request.headers, body: hasBody ? await request.arrayBuffer() : undefined });
}

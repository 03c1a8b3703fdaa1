import type { NextRequest } from 'next/server';
import NextAuth from 'next-auth';

import { authOptions } from '@/lib/account/auth-options';
import { withSafeCallbackUrl } from '@/lib/auth/with-safe-callback-url';

// next-auth's own handler (sign-in, sign-out, session, CSRF): the one route not built with
// defineRoute, whitelisted in the guard test.
const nextAuth = NextAuth(authOptions) as (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return nextAuth(await withSafeCallbackUrl(request), context);
}

export { handler as GET, handler as POST };

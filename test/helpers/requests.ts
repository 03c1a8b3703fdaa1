import { encode } from 'next-auth/jwt';

/**
 * A next-auth session cookie for `userId`, signed like the real one (JWT strategy), of a session
 * that began at `authTime` (seconds; now by default) with session version `sessionVersion`
 * (a new account's is 0).
 */
export async function sessionCookie(userId: string, { sessionVersion = 0, authTime = Math.floor(Date.now() / 1000) }: { sessionVersion?: number; authTime?: number } = {}): Promise<string> {
  const token = await encode({ token: { sub: userId, sv: sessionVersion, authTime }, secret: process.env.NEXTAUTH_SECRET as string });
  return `next-auth.session-token=${token}`;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

/** Calls a route handler the way Next.js does, with a Request and its route params. */
export async function callRoute(handler: Handler, url: string, { params = {}, cookie, init = {} }: { params?: Record<string, string>; cookie?: string; init?: RequestInit } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('cookie', cookie);
  return handler(new Request(new URL(url, 'http://localhost'), { ...init, headers }), { params: Promise.resolve(params) });
}

import 'server-only';

import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';

import { authenticateUser } from './authenticate-user';
import { rateLimitedSignInError, SIGN_IN_FAILED } from './sign-in-error';
import { safeCallbackUrl } from '../auth/safe-callback-url';
import { beginSession, endSession, isSessionCurrent, sessionClaimsOf } from '../auth/session-token';
import { SESSION_IDLE_SECONDS } from '../config/limits';
import { AppError } from '../errors/app-error';
import { clientAddress } from '../http/client-address';

/** Thrown by the `jwt` callback for a session that has ended: next-auth then clears the cookie. */
class SessionEnded extends Error {
  constructor() {
    super('The session has ended.');
    this.name = 'SessionEnded';
  }
}

/**
 * next-auth configuration: e-mail + password, JWT sessions. The session cookie's max age is the
 * idle timeout (renewed whenever the session is read through next-auth); the token carries the
 * account's session version and the time of sign-in, checked on every renewal (and by
 * lib/auth/load-session-actor.ts on every request), so sign-out, a password change or a disabled
 * account end it, as does SESSION_MAX_SECONDS after signing in.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'E-mail and password',
      credentials: {
        email: { label: 'E-mail', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      authorize: async (credentials, request) => {
        try {
          return await authenticateUser({ input: credentials ?? {}, clientAddress: clientAddress(headersOf(request.headers)) });
        } catch (error) {
          // next-auth hands the browser only the message of what `authorize` throws.
          if (error instanceof AppError && error.code === 'RATE_LIMITED') {
            const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
            throw new Error(rateLimitedSignInError(retryAfterSeconds));
          }
          // Anything else would reach the browser word for word: log it, say nothing of it.
          console.error('[interlinear] sign-in failed:', error);
          throw new Error(SIGN_IN_FAILED);
        }
      },
    }),
  ],
  callbacks: {
    jwt: async ({ token, user }) => {
      if (user) {
        if (typeof user.sessionVersion !== 'number') throw new SessionEnded();
        return beginSession(token, { id: user.id, sessionVersion: user.sessionVersion });
      }
      const claims = sessionClaimsOf(token);
      if (!claims || !(await isSessionCurrent({ claims }))) throw new SessionEnded();
      return token;
    },
    session: ({ session, token }) => {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
    // next-auth sends the browser to `callbackUrl` after signing in or out: on this site only.
    redirect: ({ url, baseUrl }) => `${baseUrl}${safeCallbackUrl(url, baseUrl)}`,
  },
  events: {
    // Signing out ends the session on the server too: the token stops working even if kept.
    signOut: async ({ token }) => {
      const claims = sessionClaimsOf(token);
      if (claims) await endSession({ claims });
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session is an expected outcome, not an error worth a log line.
      if (metadata instanceof SessionEnded) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};

function headersOf(raw: Record<string, unknown> | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (typeof value === 'string') headers.set(name, value);
  }
  return headers;
}

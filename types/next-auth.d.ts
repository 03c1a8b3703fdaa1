import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    user?: { id?: string; name?: string | null; email?: string | null; image?: string | null };
  }
  /** What the credentials provider's `authorize` returns (lib/account/authenticate-user.ts). */
  interface User {
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  /** Claims Interlinear adds to the session token (lib/auth/session-token.ts). */
  interface JWT {
    /** The account's session version when the session began. */
    sv?: number;
    /** When the session began (seconds since the epoch): its absolute lifetime counts from here. */
    authTime?: number;
  }
}

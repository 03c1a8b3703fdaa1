import NextAuth from 'next-auth';

import { authOptions } from '@/lib/auth/options';

// next-auth's own handler (sign-in, sign-out, session, CSRF): the one route not built with
// defineRoute, whitelisted in the guard test.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };

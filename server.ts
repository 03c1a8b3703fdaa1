/**
 * The one process of Interlinear: prepares the database (embedded PostgreSQL when DATABASE_URL is
 * unset), builds the app when needed and serves it. `npm start` runs this; `npm run dev` adds --dev.
 */
import { createServer } from 'node:http';

import next from 'next';

import { createCollabServer } from './lib/collab/collab-server';
import { getEnv } from './lib/config/env';
import { maxBodyBytesForPath, SETUP_TOKEN_TTL_SECONDS } from './lib/config/limits';
import { startNameScanSweep } from './lib/names/sweep-name-scans';
import { ensureBuild } from './lib/server/ensure-build';
import { prepareRuntime } from './lib/server/prepare-runtime';
import { secureRequest } from './lib/server/secure-request';
import { stopOnSignals } from './lib/server/stop-on-signals';

const isDev = process.argv.includes('--dev');
process.env.NEXT_TELEMETRY_DISABLED = '1';

async function main() {
  const env = getEnv();
  const log = (line: string) => console.log(`[interlinear] ${line}`);
  const runtime = await prepareRuntime({ log });
  const publicHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  const publicUrl = (process.env.NEXTAUTH_URL ??= `http://${publicHost}:${env.PORT}`);
  if (!isDev) ensureBuild({ log });

  const app = next({ dev: isDev, hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const requestOptions = { isDev, publicUrl, collabUrl: env.COLLAB_URL, trustedProxies: env.TRUST_PROXY };
  const server = createServer((request, response) => {
    // Headers, the peer's address and the body bound are set before Next.js sees the request.
    if (secureRequest(request, response, { ...requestOptions, maxBodyBytes: maxBodyBytesForPath(request.url ?? '/') })) void handle(request, response);
  });
  // Collaboration (Yjs) on the same port, path /collab, unless a separate server is configured.
  const collab = env.COLLAB_URL ? null : createCollabServer({ databaseUrl: runtime.url, secret: process.env.NEXTAUTH_SECRET ?? '', redisUrl: env.REDIS_URL, log: (line) => log(`collab: ${line}`) });
  collab?.attach(server);
  // Texts published in bulk are read for names in the background, not by readers' page views.
  startNameScanSweep({ log: (line) => log(`names: ${line}`) });
  server.listen(env.PORT, env.HOST, () => {
    log(`Ready on ${process.env.NEXTAUTH_URL}`);
    log(runtime.isEmbedded ? 'Database: embedded PostgreSQL (data in .data/postgres)' : 'Database: DATABASE_URL');
    if (runtime.setupToken) {
      // Whoever reads this log runs the server: the link makes its opener the administrator.
      log(`Set up the administrator: ${new URL(`/setup?token=${runtime.setupToken}`, process.env.NEXTAUTH_URL).toString()}`);
      log(`(the link works once, for ${SETUP_TOKEN_TTL_SECONDS / 3600} hours; restarting prints a new one)`);
    }
  });

  stopOnSignals({ server, collab, runtime, log });
}

main().catch((error: unknown) => {
  console.error('[interlinear] Failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

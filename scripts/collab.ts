// `npm run collab`: the collaboration server as a process of its own, for deployments that run
// several of them (set REDIS_URL so they share documents, and COLLAB_URL on the app so editors
// connect here). `npm start` already serves collaboration on /collab by itself.
import { createServer } from 'node:http';

import { createCollabServer } from '../lib/collab/collab-server';
import { getEnv } from '../lib/config/env';
import { prepareRuntime } from '../lib/server/prepare-runtime';
import { stopOnSignals } from '../lib/server/stop-on-signals';

const log = (line: string) => console.log(`[collab] ${line}`);

async function main() {
  const runtime = await prepareRuntime({ isDemoSeeded: false, isSetupTokenIssued: false, log });
  const env = getEnv();
  const collab = createCollabServer({ databaseUrl: runtime.url, secret: env.NEXTAUTH_SECRET ?? '', redisUrl: env.REDIS_URL, log });
  const server = createServer((request, response) => {
    const healthy = request.url === '/health';
    response.writeHead(healthy ? 200 : 404, { 'content-type': 'text/plain' }).end(healthy ? 'ok' : 'Collaboration server: connect with WebSocket on /collab');
  });
  collab.attach(server);
  server.listen(env.COLLAB_PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.COLLAB_PORT;
    log(`Ready on ws://${env.HOST}:${port}/collab${env.REDIS_URL ? ' (sharing documents through Redis)' : ''}`);
  });
  stopOnSignals({ server, collab, runtime, log });
}

main().catch((error: unknown) => {
  console.error('[collab] Failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

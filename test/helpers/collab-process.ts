// A collaboration server in a process of its own, for tests that kill it (`kill -9`) or run two
// of them. Reads DATABASE_URL, NEXTAUTH_SECRET, COLLAB_PORT and REDIS_URL; prints "ready <port>".
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createCollabServer } from '../../lib/collab/collab-server';

const collab = createCollabServer({
  databaseUrl: process.env.DATABASE_URL as string,
  secret: process.env.NEXTAUTH_SECRET as string,
  redisUrl: process.env.REDIS_URL || undefined,
  compactAfterMs: 200,
  compactAtMostAfterMs: 1_000,
  log: (line) => console.error(line),
});
const server = createServer((_request, response) => response.writeHead(404).end());
collab.attach(server);
server.listen(Number(process.env.COLLAB_PORT ?? 0), '127.0.0.1', () => {
  console.log(`ready ${(server.address() as AddressInfo).port}`);
});

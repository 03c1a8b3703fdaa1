import 'server-only';

import type { Server } from 'node:http';

import type { CollabServer } from '../collab/collab-server';
import { disconnectDb } from '../db/client';

/**
 * On SIGINT or SIGTERM: stop taking requests, close collaboration connections (their accepted
 * updates reach the log first), close our database connections before the embedded server goes
 * away (so none of them reports an error), then exit.
 */
export function stopOnSignals({ server, collab, runtime, log }: { server: Server; collab: CollabServer | null; runtime: { stop(): Promise<void> }; log: (line: string) => void }): void {
  const shutdown = () => {
    server.close();
    void Promise.resolve(collab?.close())
      .then(() => disconnectDb())
      .then(() => runtime.stop())
      .catch((error: unknown) => log(`stopping: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

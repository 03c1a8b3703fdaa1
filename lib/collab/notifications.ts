import 'server-only';

import pg from 'pg';

/**
 * One PostgreSQL connection of its own that LISTENs on some channels (a pooled connection would
 * be handed to other queries). Notifications are delivered on commit of the transaction that sent
 * them, so a handler never sees a change that was rolled back.
 */
export interface Listener {
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function listen(connectionString: string | undefined, handlers: Record<string, (payload: string) => void>, log: (line: string) => void): Listener {
  const client = new pg.Client({ connectionString });
  client.on('notification', (message) => handlers[message.channel]?.(message.payload ?? ''));
  client.on('error', (error) => log(`listener: ${error.message}`));
  const ready = client
    .connect()
    .then(async () => {
      for (const channel of Object.keys(handlers)) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    })
    .catch((error: unknown) => log(`listener: ${error instanceof Error ? error.message : String(error)}`));
  return {
    ready,
    async stop() {
      await ready;
      await client.end().catch(() => undefined);
    },
  };
}

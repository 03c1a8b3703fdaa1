/**
 * A collaboration server in a process of its own, started by bench/collab.ts, so that its CPU time
 * and memory are its own. `interlinear` is our server (token authentication, the update log
 * written before each confirmation, compaction, the outbox); `bare` is Hocuspocus with no
 * authentication, no persistence and no hooks. Both count the updates they accept from clients
 * the same way (an update listener on each loaded document) and answer the parent's questions
 * over IPC. With `interlinear`, every query of the server's pg pools is timed by statement.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';

import { Server as BareServer, type Document, type Hocuspocus } from '@hocuspocus/server';
import pg from 'pg';

import { createCollabServer } from '../lib/collab/collab-server';

export type ServerMode = 'interlinear' | 'bare';

/** What the bench asks the server process. */
export type ServerRequest = { type: 'stats'; id: number } | { type: 'stop'; id: number };

export interface QueryTiming {
  statement: string;
  count: number;
  totalMs: number;
  p50Ms: number;
  p99Ms: number;
}

export interface ServerStats {
  /** When the server took these figures (ms since the epoch, fractional): rates use its own clock. */
  atMs: number;
  /** process.cpuUsage() in µs. */
  cpuUserUs: number;
  cpuSystemUs: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Peak resident set size of the process so far (bytes). */
  maxRssBytes: number;
  /** Updates from client connections applied to a document since the process started. */
  updates: number;
  documents: number;
  queries: QueryTiming[];
  /** Event-loop delay since the previous figures were taken (ms): how long work waited for the thread. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

export type ServerMessage = { type: 'ready'; port: number } | { type: 'reply'; id: number; stats: ServerStats };

let updates = 0;
const queryTimes = new Map<string, number[]>();

/** Counts client updates as Hocuspocus applies them, on every document it loads, without hooks. */
function countUpdates(hocuspocus: Hocuspocus): void {
  const documents = hocuspocus.documents;
  const set = documents.set.bind(documents);
  documents.set = (name: string, document: Document) => {
    document.on('update', (_update: Uint8Array, origin: unknown) => {
      if (typeof origin === 'object' && origin !== null && (origin as { source?: unknown }).source === 'connection') updates += 1;
    });
    return set(name, document);
  };
}

/**
 * Times every query made through a pg pool (ours and Prisma's adapter), by verb and table
 * ("INSERT collab_update"), from the call to the result: the wait for a free connection included.
 */
function timeQueries(): void {
  const query = pg.Pool.prototype.query as (...args: unknown[]) => unknown;
  pg.Pool.prototype.query = function timedQuery(this: pg.Pool, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '?');
    const started = performance.now();
    const result = query.apply(this, args);
    if (!(result instanceof Promise)) return result;
    const key = statementKey(text);
    return result.finally(() => {
      const times = queryTimes.get(key) ?? [];
      times.push(performance.now() - started);
      queryTimes.set(key, times);
    });
  } as typeof pg.Pool.prototype.query;
}

function statementKey(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const verb = flat.split(' ')[0]?.toUpperCase() ?? '?';
  // The table a statement is about: INSERT INTO t, UPDATE t SET, … FROM t (Prisma quotes "schema"."table").
  const pattern = verb === 'INSERT' ? /\bINTO\s+(?:"\w+"\.)?"?(\w+)/i : verb === 'UPDATE' ? /^UPDATE\s+(?:"\w+"\.)?"?(\w+)/i : /\bFROM\s+(?:"\w+"\.)?"?(\w+)/i;
  return `${verb} ${pattern.exec(flat)?.[1] ?? ''}`.trim();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const loopDelay = monitorEventLoopDelay({ resolution: 5 });

function stats(hocuspocus: Hocuspocus): ServerStats {
  const loopDelayP99Ms = loopDelay.percentile(99) / 1e6;
  const loopDelayMaxMs = loopDelay.max / 1e6;
  loopDelay.reset();
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  const queries = [...queryTimes].map(([statement, times]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { statement, count: sorted.length, totalMs: sorted.reduce((a, b) => a + b, 0), p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
  });
  return {
    atMs: performance.timeOrigin + performance.now(),
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    updates,
    documents: hocuspocus.getDocumentsCount(),
    queries,
    loopDelayP99Ms,
    loopDelayMaxMs,
  };
}

async function listen(server: HttpServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function main() {
  const mode = process.argv[2] as ServerMode;
  const send = (message: ServerMessage) => process.send?.(message);
  let hocuspocus: Hocuspocus;
  let port: number;
  let stop: () => Promise<void>;
  if (mode === 'interlinear') {
    timeQueries();
    const collab = createCollabServer({ databaseUrl: process.env.DATABASE_URL as string, secret: process.env.NEXTAUTH_SECRET as string, compactAtMostAfterMs: Number(process.env.COLLAB_BENCH_COMPACT_MS ?? 10_000), log: (line) => console.error(`[collab] ${line}`) });
    hocuspocus = collab.hocuspocus;
    const http = createServer((_request, response) => response.writeHead(404).end());
    collab.attach(http);
    port = await listen(http);
    stop = async () => {
      await collab.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    };
  } else {
    const bare = new BareServer({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
    hocuspocus = bare.hocuspocus;
    await bare.listen();
    port = bare.address.port;
    stop = () => bare.destroy();
  }
  countUpdates(hocuspocus);
  loopDelay.enable();

  process.on('message', (request: ServerRequest) => {
    if (request.type === 'stats') {
      send({ type: 'reply', id: request.id, stats: stats(hocuspocus) });
      return;
    }
    void stop()
      .catch((error: unknown) => console.error('[collab] stop failed:', error))
      .then(() => {
        send({ type: 'reply', id: request.id, stats: stats(hocuspocus) });
        process.disconnect?.();
        // The pg pool of Prisma (used for authentication) is not ours to close here.
        setTimeout(() => process.exit(0), 50);
      });
  });
  send({ type: 'ready', port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

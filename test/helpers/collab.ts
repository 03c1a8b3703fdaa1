import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';

import { createCollabServer, type CollabServer, type CollabServerOptions } from '../../lib/collab/collab-server';
import { collabDocumentName } from '../../lib/collab/document-name';
import { entryText, getSegmentEntry } from '../../lib/collab/segment-doc';
import { signCollabToken } from '../../lib/collab/token';

/** A collaboration server on a free port of its own, on the test database. */
export async function startCollabServer(options: Partial<CollabServerOptions> = {}): Promise<{ collab: CollabServer; url: string; port: number; stop(): Promise<void> }> {
  const collab = createCollabServer({ databaseUrl: process.env.DATABASE_URL as string, secret: testSecret(), compactAfterMs: 200, compactAtMostAfterMs: 1_000, ...options });
  const server = createServer((_request, response) => response.writeHead(404).end());
  collab.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    collab,
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    async stop() {
      await collab.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function testSecret(): string {
  return process.env.NEXTAUTH_SECRET as string;
}

export function tokenFor(userId: string | null, sessionVersion = 0): string {
  return signCollabToken({ userId, sessionVersion, secret: testSecret() });
}

export interface TestClient {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  doc: Y.Doc;
  /** Resolves once the first sync is done; rejects with the refusal reason if authentication fails. */
  ready: Promise<void>;
  /** Every reason the server gave for refusing this client, in order. */
  refusals: string[];
  /** Every reason the server gave for closing this client's document, in order. */
  closes: string[];
  destroy(): void;
}

/** A real provider over a real WebSocket, attached to one document. */
export function connectClient({ url, workId, language = 'en', chunk = 0, token }: { url: string; workId: string; language?: string; chunk?: number; token: string | null }): TestClient {
  const socket = new HocuspocusProviderWebsocket({ url, delay: 50, maxDelay: 200, minDelay: 50 });
  const doc = new Y.Doc();
  let settle: { resolve: () => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined };
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const refusals: string[] = [];
  const closes: string[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: collabDocumentName({ workId, language, chunk }),
    document: doc,
    token,
    onSynced: () => settle.resolve(),
    onAuthenticationFailed: ({ reason }) => {
      refusals.push(reason);
      settle.reject(new Error(reason));
    },
    onClose: ({ event }) => {
      if (event.reason) closes.push(event.reason);
    },
  });
  provider.attach();
  return {
    provider,
    socket,
    doc,
    ready,
    refusals,
    closes,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** The draft of a segment in a client's copy ('' while the entry has not arrived). */
export function draftOf(doc: Y.Doc, segmentId: string): string {
  const entry = getSegmentEntry(doc, segmentId);
  return entry ? entryText(entry).toString() : '';
}

/** Waits until `check` holds, polling (real-time behaviour has no completion event to await). */
export async function eventually(check: () => boolean | Promise<boolean>, { timeoutMs = 10_000, what = 'condition' } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves when the provider has no change the server has not confirmed. */
export async function confirmed(client: TestClient, timeoutMs = 10_000): Promise<void> {
  await eventually(() => !client.provider.hasUnsyncedChanges, { timeoutMs, what: 'the server to confirm every change' });
}

/** A collaboration server in a child process (see collab-process.ts); `kill()` sends SIGKILL. */
export async function spawnCollabProcess({ port = 0, redisUrl }: { port?: number; redisUrl?: string } = {}): Promise<{ port: number; url: string; kill(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/register-hooks.mjs', 'test/helpers/collab-process.ts'], {
    env: { ...process.env, COLLAB_PORT: String(port), REDIS_URL: redisUrl ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const actualPort = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`collaboration process exited with ${code}`)));
  });
  return {
    port: actualPort,
    url: `ws://127.0.0.1:${actualPort}/collab`,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

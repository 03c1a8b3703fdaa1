import { spawn } from 'node:child_process';
import net from 'node:net';
import { tmpdir } from 'node:os';

import { freePort } from './app-server';

/** A Redis for the tests: its URL, and how to stop it. */
export interface RedisHandle {
  url: string;
  stop(): Promise<void>;
}

/** Answers whether a Redis on `port` replies to PING. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
    socket.setTimeout(1_000);
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The Redis the tests of several collaboration processes share: `REDIS_URL` when set, else a
 * `redis-server` (Debian's `redis-server` package; `REDIS_SERVER_PATH` if it is elsewhere) started
 * here on a free port of 127.0.0.1, keeping nothing on disk, and stopped by `stop`.
 */
export async function startTestRedis({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<RedisHandle> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => undefined };
  const port = await freePort();
  const command = process.env.REDIS_SERVER_PATH ?? 'redis-server';
  const child = spawn(command, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`${command} not found: the tests need a Redis server (Debian: apt-get install redis-server), or REDIS_URL`) : error),
    );
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code}:\n${output.slice(-2000)}`)));
  });
  const ready = (async () => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await pings(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${command} did not answer within ${timeoutMs} ms:\n${output.slice(-2000)}`);
  })();
  try {
    await Promise.race([ready, failed]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  failed.catch(() => undefined);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

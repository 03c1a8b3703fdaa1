import pg from 'pg';
import type { TestProject } from 'vitest/node';

import { createScratchDatabase, openTestServer } from './db';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** Once per run: a fresh migrated database for the integration tests, dropped at the end. */
export default async function setup(project: TestProject) {
  const server = await openTestServer();
  const database = await createScratchDatabase(server.url);
  // The first account of an empty database becomes admin; this one takes that place so that
  // accounts made by tests are ordinary volunteers whatever order the files run in.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`INSERT INTO "user" (id, email, name, password_hash, site_role) VALUES (gen_random_uuid(), 'first-admin@example.org', 'First admin', '-', 'ADMIN')`);
  await client.end();
  project.provide('databaseUrl', database.url);
  return async () => {
    const { disconnectDb } = await import('../../lib/db/client');
    await disconnectDb();
    await database.drop();
    await server.stop();
  };
}

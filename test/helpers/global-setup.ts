import type { TestProject } from 'vitest/node';

import { createScratchDatabase, openTestServer } from './db';
import { startTestRedis } from './redis';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** The Redis of this run (test/helpers/redis.ts), for tests of several collaboration processes. */
    redisUrl: string;
  }
}

/**
 * Once per run: a fresh migrated database for the integration tests and a Redis of their own,
 * dropped and stopped at the end.
 */
export default async function setup(project: TestProject) {
  // Redis first: a machine without it fails here, before a database is left to drop.
  const redis = await startTestRedis();
  let server: Awaited<ReturnType<typeof openTestServer>>;
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  try {
    server = await openTestServer();
    database = await createScratchDatabase(server.url);
  } catch (error) {
    await redis.stop();
    throw error;
  }
  project.provide('databaseUrl', database.url);
  project.provide('redisUrl', redis.url);
  return async () => {
    const { disconnectDb } = await import('../../lib/db/client');
    await disconnectDb();
    await redis.stop();
    await database.drop();
    await server.stop();
  };
}

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
  project.provide('databaseUrl', database.url);
  return async () => {
    const { disconnectDb } = await import('../../lib/db/client');
    await disconnectDb();
    await database.drop();
    await server.stop();
  };
}

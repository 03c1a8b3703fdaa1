import type { TestProject } from 'vitest/node';

import { startAppServer } from '../helpers/app-server';
import { createScratchDatabase, openTestServer } from '../helpers/db';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

/** Once per run: the production app on a fresh database (demo content only, no accounts). */
export default async function setup(project: TestProject) {
  const server = await openTestServer();
  const database = await createScratchDatabase(server.url, { prefix: 'interlinear_browser' });
  const app = await startAppServer({ databaseUrl: database.url, dataDir: '.data/test-browser' });
  project.provide('appUrl', app.baseUrl);
  return async () => {
    await app.stop();
    await database.drop();
    await server.stop();
  };
}

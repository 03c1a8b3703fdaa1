import type { TestProject } from 'vitest/node';

import { startAppServer } from '../helpers/app-server';
import { createScratchDatabase, openTestServer } from '../helpers/db';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    /** The app's database, for tests that must set up what no page can (e.g. a site admin). */
    appDatabaseUrl: string;
  }
}

/**
 * Once per run: the production app on a fresh database (demo content only, no accounts). It
 * trusts one proxy (TRUST_PROXY=1) so that each test can come from an address of its own with
 * X-Forwarded-For (test/helpers/browser.ts `comeFromOwnAddress`): the per-address limits then apply
 * to each test alone, at their real values.
 */
export default async function setup(project: TestProject) {
  const server = await openTestServer();
  const database = await createScratchDatabase(server.url, { prefix: 'interlinear_browser' });
  const app = await startAppServer({ databaseUrl: database.url, dataDir: '.data/test-browser', env: { TRUST_PROXY: '1' } });
  project.provide('appUrl', app.baseUrl);
  project.provide('appDatabaseUrl', database.url);
  return async () => {
    await app.stop();
    await database.drop();
    await server.stop();
  };
}

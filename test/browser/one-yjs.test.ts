import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startAppServer, type AppServer } from '../helpers/app-server';
import { runSql } from '../helpers/browser';
import { createScratchDatabase, openTestServer } from '../helpers/db';

/** What Yjs prints when a second copy of it loads into a process that has one. */
const SECOND_COPY = 'Yjs was already imported';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.js')).map((entry) => path.join(entry.parentPath, entry.name));
}

/*
 * server.ts starts the collaboration server, which loads Yjs from node_modules; a route that reads
 * collaboration documents (submitting drafts) and the server-rendered segment editor use Yjs too.
 * Bundled into the app, each would be another copy in the same process, and Yjs types from one
 * copy fail the `instanceof` checks of another (next.config.js keeps Yjs external).
 */
describe('one Yjs in the production server', () => {
  let app: AppServer;
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let server: Awaited<ReturnType<typeof openTestServer>>;

  beforeAll(async () => {
    server = await openTestServer();
    database = await createScratchDatabase(server.url, { prefix: 'interlinear_yjs' });
    app = await startAppServer({ databaseUrl: database.url, dataDir: '.data/test-one-yjs' });
  });

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
    await server?.stop();
  });

  it('bundles no copy of Yjs into the server code', async () => {
    const files = await filesUnder(path.resolve('.next/server'));
    expect(files.length).toBeGreaterThan(0);
    const copies: string[] = [];
    for (const file of files) if ((await readFile(file, 'utf8')).includes(SECOND_COPY)) copies.push(path.relative(process.cwd(), file));
    expect(copies).toEqual([]);
  });

  it('loads the editor and the drafts route beside the collaboration server without a second Yjs', async () => {
    // The demo work and its translation, loaded into the empty library at start.
    const { rows } = await runSql(database.url, `SELECT work_id, language FROM work_language WHERE NOT is_source LIMIT 1`);
    const { work_id: workId, language } = rows[0] as { work_id: string; language: string };

    const editor = await fetch(`${app.baseUrl}/works/${workId}/edit?lang=${language}`);
    expect(editor.status).toBe(200);
    expect(await editor.text()).toContain('Edit —');
    const submit = await fetch(`${app.baseUrl}/api/works/${workId}/suggestions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language }) });
    expect(submit.status).toBe(401);

    expect(app.output).toContain('Ready on');
    expect(app.output).not.toContain(SECOND_COPY);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { startAppServer, type AppServer } from '../helpers/app-server';
import { runSql } from '../helpers/browser';
import { createScratchDatabase } from '../helpers/db';
import { startPausableProxy, type PausableProxy } from '../helpers/pausable-proxy';

const appDatabaseUrl = inject('appDatabaseUrl');

describe('a database that stops answering', () => {
  let proxy: PausableProxy;
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: AppServer;
  let dataDir = '';
  let workId = '';

  beforeAll(async () => {
    const server = new URL(appDatabaseUrl);
    database = await createScratchDatabase(appDatabaseUrl, { isMigrated: false, prefix: 'interlinear_outage' });
    proxy = await startPausableProxy({ targetHost: server.hostname, targetPort: Number(server.port || 5432) });
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'interlinear-outage-'));
    // The app reaches its database only through the proxy (it migrates and loads the demo through it).
    app = await startAppServer({ databaseUrl: proxy.urlFor(database.url), dataDir });
    workId = String((await runSql(database.url, `SELECT id FROM work LIMIT 1`)).rows[0]?.id);
  });

  afterAll(async () => {
    proxy?.resume();
    await app?.stop();
    await proxy?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After and a clear message while paused, stays up, and serves again once it answers', async () => {
    const read = () => fetch(`${app.baseUrl}/api/works/${workId}/segments?langs=en`);
    expect((await read()).status).toBe(200);

    proxy.pause();
    const pending = read();
    // The app itself keeps answering what needs no database.
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);
    const paused = await pending;
    expect(paused.status).toBe(503);
    expect(paused.headers.get('retry-after')).toBe('5');
    expect(await paused.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/database is not answering/) } });

    proxy.resume();
    expect((await read()).status).toBe(200);
  });
});

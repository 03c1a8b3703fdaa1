import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';

import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

import { ensureDatabase } from '../../../lib/db/embedded';
import { migrateDatabase } from '../../../lib/db/migrate';

describe('embedded PostgreSQL (DATABASE_URL unset)', () => {
  const saved = process.env.DATABASE_URL;
  let dataRoot: string | undefined;

  afterAll(async () => {
    process.env.DATABASE_URL = saved;
    if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
  });

  it('starts, creates and migrates its database, is reused by a second caller, and stops', async () => {
    delete process.env.DATABASE_URL;
    // Under the project folder like .data/, which the server user can enter even when run as root.
    await mkdir(path.join(process.cwd(), '.data'), { recursive: true });
    dataRoot = await mkdtemp(path.join(process.cwd(), '.data', 'embedded-test-'));
    // mkdtemp makes the folder private; the server may run as another user (as root it must).
    await chmod(dataRoot, 0o755);
    const dataDir = path.join(dataRoot, 'postgres');
    const first = await ensureDatabase({ dataDir, database: 'interlinear_embedded' });
    try {
      expect(first.isEmbedded).toBe(true);
      expect(first.url).toMatch(/^postgres:\/\/postgres:.*@127\.0\.0\.1:\d+\/interlinear_embedded$/);
      const { applied } = await migrateDatabase(first.url);
      expect(applied.length).toBeGreaterThan(0);

      // A second process (a CLI while the app runs) finds the running server instead of starting one.
      const second = await ensureDatabase({ dataDir, database: 'interlinear_embedded' });
      expect(second.isEmbedded).toBe(false);
      expect(second.url).toBe(first.url);

      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_trgm'");
      await client.end();
      expect(rows[0]?.n).toBe(1);
    } finally {
      await first.stop();
    }
    await expect(new pg.Client({ connectionString: first.url }).connect()).rejects.toThrow();
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { diffMigrationsToSchema, SCHEMA_PATH } from '../../../scripts/schema-engine';

// Any database of the server will do: the diff only creates (and drops) a scratch database beside it.
const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('schema drift', () => {
  it('finds that prisma/schema.prisma and prisma/migrations agree', async () => {
    const { sql, hasChanges } = await diffMigrationsToSchema({ databaseUrl });
    // On failure the message shows the SQL a new migration needs (npm run db:new-migration -- NAME).
    expect(hasChanges, sql).toBe(false);
  });

  it('reports a model and a field that no migration creates', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'interlinear-drift-'));
    tempDirs.push(dir);
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const withField = schema.replace(/^model Work \{\n/m, '$&  driftProbeNote String? @map("drift_probe_note")\n');
    expect(withField).not.toBe(schema);
    const schemaPath = path.join(dir, 'schema.prisma');
    await writeFile(schemaPath, `${withField}\nmodel DriftProbe {\n  id Int @id\n  note String\n\n  @@map("drift_probe")\n}\n`);

    const { sql, hasChanges } = await diffMigrationsToSchema({ databaseUrl, schemaPath });

    expect(hasChanges).toBe(true);
    expect(sql).toContain('CREATE TABLE "drift_probe"');
    expect(sql).toMatch(/ALTER TABLE "work" ADD COLUMN\s+"drift_probe_note" TEXT/);
  });
});

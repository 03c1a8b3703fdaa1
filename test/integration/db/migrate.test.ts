import { randomBytes, randomUUID } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

import { MIGRATIONS_DIR, migrateDatabase, readMigrations } from '../../../lib/db/migrate';

// Admin connection used to create and drop this file's databases (any database of the server works).
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const databases: string[] = [];
const tempDirs: string[] = [];

function urlFor(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database with a random name; dropped in afterAll. */
async function freshDatabase(): Promise<string> {
  const name = `interlinear_migrate_test_${randomBytes(5).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  databases.push(name);
  return urlFor(name);
}

/** A copy of prisma/migrations that a test may change. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'interlinear-migrations-'));
  tempDirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

afterAll(async () => {
  await withClient(adminUrl, async (client) => {
    for (const name of databases) await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  });
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('migrateDatabase', () => {
  it('applies every migration once and records each in _prisma_migrations', async () => {
    const url = await freshDatabase();
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const first = await migrateDatabase(url);
    expect(first.applied).toEqual(migrations.map((migration) => migration.name));
    const second = await migrateDatabase(url);
    expect(second).toEqual({ applied: [], alreadyApplied: migrations.length });

    const { rows } = await withClient(url, (client) =>
      client.query<{ migration_name: string; checksum: string }>(
        'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
      ),
    );
    expect(rows).toEqual(migrations.map(({ name, checksum }) => ({ migration_name: name, checksum })));
  });

  it('creates segment.order_key with the byte-wise "C" collation', async () => {
    const url = await freshDatabase();
    await migrateDatabase(url);
    const { rows } = await withClient(url, (client) =>
      client.query<{ collation_name: string | null }>(
        `SELECT collation_name FROM information_schema.columns WHERE table_name = 'segment' AND column_name = 'order_key'`,
      ),
    );
    expect(rows).toEqual([{ collation_name: 'C' }]);
  });

  it('makes revision rows immutable but deletable', async () => {
    const url = await freshDatabase();
    await migrateDatabase(url);
    await withClient(url, async (client) => {
      const [userId, collectionId, workId, segmentId, textId, firstId, secondId] = Array.from({ length: 7 }, () => randomUUID());
      await client.query(`INSERT INTO "user" (id, email, name, password_hash) VALUES ($1, 'a@example.org', 'A', '-')`, [userId]);
      await client.query(`INSERT INTO collection (id, slug, title) VALUES ($1, 'c', 'C')`, [collectionId]);
      await client.query(`INSERT INTO work (id, collection_id, slug, title, source_language) VALUES ($1, $2, 'w', 'W', 'en')`, [workId, collectionId]);
      await client.query(`INSERT INTO segment (id, work_id, kind, order_key) VALUES ($1, $2, 'SENTENCE', 'a0')`, [segmentId, workId]);
      await client.query(`INSERT INTO segment_text (id, segment_id, language) VALUES ($1, $2, 'en')`, [textId, segmentId]);
      for (const id of [firstId, secondId]) {
        await client.query(`INSERT INTO revision (id, segment_text_id, text, origin, author_id) VALUES ($1, $2, 'Hello.', 'IMPORT', $3)`, [id, textId, userId]);
      }

      await expect(client.query(`UPDATE revision SET text = 'Changed.' WHERE id = $1`, [firstId])).rejects.toThrow('revision rows are immutable');
      await expect(client.query(`UPDATE revision SET author_id = NULL, text = 'Sneaky.' WHERE id = $1`, [firstId])).rejects.toThrow('revision rows are immutable');

      // Deleting an account keeps its revisions and only forgets their author.
      await client.query('DELETE FROM "user" WHERE id = $1', [userId]);
      const kept = await client.query<{ text: string; author_id: string | null }>('SELECT text, author_id FROM revision ORDER BY id');
      expect(kept.rows).toEqual([
        { text: 'Hello.', author_id: null },
        { text: 'Hello.', author_id: null },
      ]);

      await client.query('DELETE FROM revision WHERE id = $1', [firstId]);
      // Deleting a work cascades to its revisions, even the published one.
      await client.query('UPDATE segment_text SET published_revision_id = $1 WHERE id = $2', [secondId, textId]);
      await client.query('DELETE FROM work WHERE id = $1', [workId]);
      const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM revision');
      expect(rows[0]?.count).toBe('0');
    });
  });

  /**
   * A database migrated up to (not including) the migration named `…_<suffix>`, filled by `seed`,
   * then migrated to the end: what that migration does to data written before it.
   */
  async function migrateAcross(suffix: string, seed: (client: pg.Client) => Promise<void>): Promise<string> {
    const dir = await copyOfMigrations();
    const all = await readMigrations(dir);
    const later = all.slice(all.findIndex((migration) => migration.name.endsWith(`_${suffix}`)));
    expect(later[0]?.name).toMatch(new RegExp(`_${suffix}$`));
    const held = await mkdtemp(path.join(tmpdir(), 'interlinear-held-migrations-'));
    tempDirs.push(held);
    for (const migration of later) await cp(path.join(dir, migration.name), path.join(held, migration.name), { recursive: true });
    for (const migration of later) await rm(path.join(dir, migration.name), { recursive: true });
    const url = await freshDatabase();
    await migrateDatabase(url, { dir });
    await withClient(url, seed);
    for (const migration of later) await cp(path.join(held, migration.name), path.join(dir, migration.name), { recursive: true });
    await migrateDatabase(url, { dir });
    return url;
  }

  it('makes the creators of existing collections their admins, unless removed since', async () => {
    const [creator, removed, disabled, collectionA, collectionB, collectionC, collectionD] = Array.from({ length: 7 }, () => randomUUID());
    const url = await migrateAcross('collection_creators_are_admins', async (client) => {
      for (const [id, email] of [[creator, 'creator@example.org'], [removed, 'removed@example.org'], [disabled, 'disabled@example.org']]) {
        await client.query(`INSERT INTO "user" (id, email, name, password_hash, disabled_at) VALUES ($1, $2, 'U', '-', $3)`, [id, email, id === disabled ? new Date() : null]);
      }
      for (const [id, slug] of [[collectionA, 'a'], [collectionB, 'b'], [collectionC, 'c'], [collectionD, 'd']]) await client.query(`INSERT INTO collection (id, slug, title) VALUES ($1, $2, $2)`, [id, slug]);
      const created = (collectionId: string | undefined, actorId: string | null | undefined) =>
        client.query(`INSERT INTO audit_event (id, type, actor_id, collection_id, data) VALUES ($1, 'collection.created', $2, $3, '{"title":"T"}')`, [randomUUID(), actorId, collectionId]);
      await created(collectionA, creator);
      await created(collectionB, removed);
      await client.query(`INSERT INTO audit_event (id, type, actor_id, collection_id, data) VALUES ($1, 'role.revoked', $2, $3, $4)`, [randomUUID(), creator, collectionB, JSON.stringify({ userId: removed })]);
      await created(collectionC, disabled);
      await created(collectionD, null);
    });
    await withClient(url, async (client) => {
      const members = await client.query(`SELECT collection_id, user_id, role, granted_by_id FROM collection_member`);
      expect(members.rows).toEqual([{ collection_id: collectionA, user_id: creator, role: 'ADMIN', granted_by_id: creator }]);
      const grants = await client.query(`SELECT actor_id, collection_id, implicit, data FROM audit_event WHERE type = 'role.granted'`);
      expect(grants.rows).toEqual([{ actor_id: creator, collection_id: collectionA, implicit: true, data: { userId: creator, role: 'ADMIN', previousRole: null } }]);
    });
  });

  it('rebuilds the volumes imported before volumes were stored from their import events, in import order', async () => {
    const [collectionId, other] = [randomUUID(), randomUUID()];
    const works = Array.from({ length: 5 }, () => randomUUID());
    const url = await migrateAcross('volumes', async (client) => {
      await client.query(`INSERT INTO collection (id, slug, title) VALUES ($1, 'c', 'C'), ($2, 'o', 'O')`, [collectionId, other]);
      const edition = (index: number) => (index < 2 ? 'Works, Volume 7' : 'Works, Volume 8');
      for (const [index, id] of works.entries()) {
        await client.query(`INSERT INTO work (id, collection_id, slug, title, source_language, source_edition, author, date_text) VALUES ($1, $2, $3, $3, 'en', $4, 'A. Author', '1926')`, [id, collectionId, `w${index}`, edition(index)]);
      }
      const imported = (ids: (string | undefined)[], minute: number) =>
        client.query(`INSERT INTO audit_event (id, type, collection_id, data, created_at) VALUES ($1, 'volume.imported', $2, $3, $4)`, [
          randomUUID(),
          collectionId,
          JSON.stringify({ uploadId: randomUUID(), workIds: ids, encoding: 'utf-8', cleanup: [] }),
          new Date(Date.UTC(2026, 0, 1, 0, minute)),
        ]);
      // Volume 8 was imported after volume 7, its event lists its works in printed order (not by id).
      await imported([works[4], works[2], works[3]], 2);
      await imported([works[0], works[1]], 1);
      // A damaged event and one for works that no longer exist change nothing.
      await client.query(`INSERT INTO audit_event (id, type, collection_id, data) VALUES ($1, 'volume.imported', $2, '{"workIds": "nope"}')`, [randomUUID(), collectionId]);
      await imported([randomUUID()], 3);
    });
    await withClient(url, async (client) => {
      const volumes = await client.query(`SELECT id, title, source_edition, author, date_text FROM volume ORDER BY created_at, id`);
      expect(volumes.rows.map((row: { title: string }) => row.title)).toEqual(['Works, Volume 7', 'Works, Volume 8']);
      expect(volumes.rows[1]).toMatchObject({ source_edition: 'Works, Volume 8', author: 'A. Author', date_text: '1926' });
      const placed = await client.query(`SELECT w.id, w.volume_position, w.part, v.title FROM work w JOIN volume v ON v.id = w.volume_id ORDER BY v.created_at, w.volume_position`);
      expect(placed.rows.map((row: { id: string; volume_position: number; part: string }) => [row.id, row.volume_position, row.part])).toEqual([
        [works[0], 0, 'WORK'],
        [works[1], 1, 'WORK'],
        [works[4], 0, 'WORK'],
        [works[2], 1, 'WORK'],
        [works[3], 2, 'WORK'],
      ]);
    });
  });

  it('merges open reports already queued twice on the same text into the oldest', async () => {
    const [collectionId, workId, segmentId] = Array.from({ length: 3 }, () => randomUUID());
    const reports = Array.from({ length: 5 }, () => randomUUID());
    const url = await migrateAcross('reader_report_duplicates', async (client) => {
      await client.query(`INSERT INTO collection (id, slug, title) VALUES ($1, 'c', 'C')`, [collectionId]);
      await client.query(`INSERT INTO work (id, collection_id, slug, title, source_language) VALUES ($1, $2, 'w', 'W', 'en')`, [workId, collectionId]);
      await client.query(`INSERT INTO segment (id, work_id, kind, order_key) VALUES ($1, $2, 'SENTENCE', 'a0')`, [segmentId, workId]);
      const rows: [string | undefined, string, string, string, number][] = [
        [reports[0], 'fr', 'Le texte.', 'OPEN', 1],
        [reports[1], 'fr', 'Le texte.', 'OPEN', 2],
        [reports[2], 'fr', 'Un autre texte.', 'OPEN', 3],
        [reports[3], 'en', 'Le texte.', 'OPEN', 4],
        [reports[4], 'fr', 'Le texte.', 'RESOLVED', 0],
      ];
      for (const [id, language, quoted, status, minute] of rows) {
        await client.query(
          `INSERT INTO reader_report (id, segment_id, work_id, collection_id, language, quoted_text, message, reporter_key, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'm', 'k', $7, $8)`,
          [id, segmentId, workId, collectionId, language, quoted, status, new Date(Date.UTC(2026, 0, 1, 0, minute))],
        );
      }
    });
    await withClient(url, async (client) => {
      const { rows } = await client.query<{ id: string; duplicate_of_id: string | null }>('SELECT id, duplicate_of_id FROM reader_report');
      const byId = new Map(rows.map((row) => [row.id, row.duplicate_of_id]));
      expect(reports.map((id) => byId.get(id ?? ''))).toEqual([null, reports[0], null, null, null]);
    });
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const dir = await copyOfMigrations();
    const url = await freshDatabase();
    await migrateDatabase(url, { dir });
    const [first] = await readMigrations(dir);
    if (!first) throw new Error('no migrations');
    await appendFile(path.join(dir, first.name, 'migration.sql'), '\n-- edited afterwards\n');

    await expect(migrateDatabase(url, { dir })).rejects.toThrow(`Migration ${first.name} was changed after it was applied`);
  });

  it('leaves nothing behind when a migration fails', async () => {
    const dir = await copyOfMigrations();
    const good = (await readMigrations(dir)).map((migration) => migration.name);
    const broken = '99990101000000_broken';
    await mkdir(path.join(dir, broken));
    // The first statement succeeds on its own: only an atomic apply removes it again.
    await writeFile(path.join(dir, broken, 'migration.sql'), 'CREATE TABLE "broken_probe" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n');
    const url = await freshDatabase();

    await expect(migrateDatabase(url, { dir })).rejects.toThrow(`Migration ${broken} failed`);

    await withClient(url, async (client) => {
      const { rows } = await client.query<{ migration_name: string; finished: boolean }>(
        'SELECT migration_name, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(rows).toEqual(good.map((name) => ({ migration_name: name, finished: true })));
      const probe = await client.query<{ table: string | null }>(`SELECT to_regclass('broken_probe')::text AS table`);
      expect(probe.rows[0]?.table).toBeNull();
    });
  });
});

import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

import { CollabPersistence } from '../../../lib/collab/persistence';

describe('update log', () => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  afterAll(() => pool.end());

  it('commits every update appended at once, waits for them on close and refuses later ones', async () => {
    const persistence = new CollabPersistence(pool);
    const name = `test/${Date.now()}`;
    const appends = Array.from({ length: 300 }, (_, index) => persistence.append(name, new Uint8Array([1, index % 256, 7]), null));
    const closed = persistence.close();
    await Promise.all(appends);
    await closed;
    const rows = await pool.query<{ count: string }>('SELECT count(*) FROM collab_update WHERE document_name = $1', [name]);
    expect(Number(rows.rows[0]?.count)).toBe(300);
    await expect(persistence.append(name, new Uint8Array([1]), null)).rejects.toThrow('shutting down');
  });
});

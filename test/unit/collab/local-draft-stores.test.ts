import { describe, expect, it } from 'vitest';

import { LOCAL_DRAFT_MAX_IDLE_MS, LocalDraftStores } from '../../../lib/collab/client/local-draft-stores';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

describe('draft databases kept in the browser', () => {
  it('deletes only long-unused databases whose content the server had confirmed', () => {
    let now = 1_000_000;
    const storage = memoryStorage();
    const stores = new LocalDraftStores(storage, () => now);
    stores.touch('confirmed', true);
    stores.touch('offline draft', false);
    now += LOCAL_DRAFT_MAX_IDLE_MS / 2;
    stores.touch('recent', true);
    now += LOCAL_DRAFT_MAX_IDLE_MS / 2 + 1;

    const deleted: string[] = [];
    expect(stores.prune((name) => deleted.push(name))).toEqual(['confirmed']);
    expect(deleted).toEqual(['confirmed']);
    // Forgotten once deleted; the unconfirmed one is never deleted, however old.
    now += 10 * LOCAL_DRAFT_MAX_IDLE_MS;
    expect(new LocalDraftStores(storage, () => now).prune(() => undefined)).toEqual(['recent']);
  });

  it('counts a database as unconfirmed from the first change the server has not confirmed', () => {
    let now = 0;
    const stores = new LocalDraftStores(memoryStorage(), () => now);
    stores.use('chunk');
    stores.touch('chunk', false);
    // Opened again later: still not known to be confirmed.
    now += 2 * LOCAL_DRAFT_MAX_IDLE_MS;
    stores.use('chunk');
    now += 2 * LOCAL_DRAFT_MAX_IDLE_MS;
    expect(stores.prune(() => undefined)).toEqual([]);
    stores.touch('chunk', true);
    now += 2 * LOCAL_DRAFT_MAX_IDLE_MS;
    expect(stores.prune(() => undefined)).toEqual(['chunk']);
  });

  it('survives unreadable records and a storage that refuses writes', () => {
    const broken = { getItem: () => '{not json', setItem: () => { throw new Error('quota'); } };
    const stores = new LocalDraftStores(broken, () => 0);
    expect(() => stores.touch('chunk', true)).not.toThrow();
    expect(stores.prune(() => undefined)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';

import { AccessCache } from '../../../lib/collab/access-cache';

describe('access cache of the collaboration server', () => {
  it('reads an account once for several chunks, and again once the user’s access changed', async () => {
    const cache = new AccessCache<string, never>();
    let loads = 0;
    const load = async () => `actor #${++loads}`;
    expect(await Promise.all([cache.actor('u', load), cache.actor('u', load), cache.actor('u', load)])).toEqual(['actor #1', 'actor #1', 'actor #1']);
    cache.forgetUser('u');
    expect(await cache.actor('u', load)).toBe('actor #2');
  });

  it('reloads a work when what it remembers does not answer (a language opened since), and after the time to live', async () => {
    const cache = new AccessCache<never, { languages: string[] }>(50);
    const stored = { languages: ['en'] };
    let loads = 0;
    const load = async () => {
      loads += 1;
      return { languages: [...stored.languages] };
    };
    await cache.work('w', load, () => true);
    await cache.work('w', load, (work) => !!work?.languages.includes('en'));
    expect(loads).toBe(1);
    stored.languages.push('fr');
    expect((await cache.work('w', load, (work) => !!work?.languages.includes('fr')))?.languages).toEqual(['en', 'fr']);
    expect(loads).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await cache.work('w', load, () => true);
    expect(loads).toBe(3);
  });

  it('does not remember a failed read', async () => {
    const cache = new AccessCache<string, never>();
    await expect(cache.actor('u', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cache.actor('u', async () => 'actor')).toBe('actor');
  });
});

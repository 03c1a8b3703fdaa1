import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { nextDetachmentAt, planDetachments } from '../../../lib/collab/client/chunk-lru';
import { collectPeers, colorFor, initialsOf, parsePresence, type PresenceState } from '../../../lib/collab/client/presence';
import { deriveSaveState, describeSaveState, type DocumentSyncState } from '../../../lib/collab/client/save-state';
import { createTicketSource } from '../../../lib/collab/client/ticket-source';
import en from '../../../lib/i18n/messages/en.json';

describe('which chunk documents to let go of', () => {
  const attached = (entries: [chunk: number, lastWantedAt: number, isBusy?: boolean][]) => entries.map(([chunk, lastWantedAt, isBusy = false]) => ({ chunk, lastWantedAt, isBusy }));

  it('keeps wanted chunks and chunks within their grace period', () => {
    expect(planDetachments({ attached: attached([[0, 0], [1, 900], [2, 100]]), wanted: new Set([2]), now: 1_000, graceMs: 500, capacity: 6 })).toEqual([0]);
  });

  it('drops the least recently wanted beyond the capacity, but never a chunk with unconfirmed changes', () => {
    const entries = attached([[0, 10], [1, 20, true], [2, 30], [3, 40], [4, 1_000], [5, 1_000]]);
    expect(planDetachments({ attached: entries, wanted: new Set([4, 5]), now: 1_000, graceMs: 60_000, capacity: 3 })).toEqual([0, 2, 3]);
    expect(planDetachments({ attached: entries, wanted: new Set([0, 1, 2, 3, 4, 5]), now: 1_000, graceMs: 0, capacity: 1 })).toEqual([]);
  });

  it('knows when the next grace period ends', () => {
    expect(nextDetachmentAt({ attached: attached([[0, 100], [1, 50], [2, 0]]), wanted: new Set([2]), graceMs: 1_000 })).toBe(1_050);
    expect(nextDetachmentAt({ attached: attached([[2, 0]]), wanted: new Set([2]), graceMs: 1_000 })).toBeNull();
  });
});

describe('the save indicator', () => {
  const saveWords = createTranslator({ locale: 'en', messages: en, namespace: 'editor.saveIndicator' });
  const synced: DocumentSyncState = { isSynced: true, hasUnsyncedChanges: false, scope: 'read-write', refusal: null };
  const state = (socket: 'connecting' | 'connected' | 'disconnected', documents: DocumentSyncState[], isOnline = true) => deriveSaveState({ socket, isOnline, documents }).kind;

  it('says saved only when connected and every change is confirmed', () => {
    expect(state('connected', [synced, synced])).toBe('saved');
    expect(state('connected', [synced, { ...synced, hasUnsyncedChanges: true }])).toBe('saving');
    expect(state('connected', [{ ...synced, isSynced: false, hasUnsyncedChanges: true, scope: null }])).toBe('connecting');
    expect(state('connecting', [synced])).toBe('connecting');
    expect(state('connected', [])).toBe('connecting');
  });

  it('says offline whenever the socket is down or the browser is offline, whatever the documents say', () => {
    expect(state('disconnected', [synced])).toBe('offline');
    expect(state('connected', [synced], false)).toBe('offline');
    expect(describeSaveState({ kind: 'offline' }, saveWords)).toBe('Offline — drafts kept in this browser');
  });

  it('tells read-only viewers and refused documents apart', () => {
    expect(state('connected', [{ ...synced, scope: 'readonly' }])).toBe('readonly');
    expect(deriveSaveState({ socket: 'connected', isOnline: true, documents: [synced, { ...synced, refusal: 'forbidden' }] })).toEqual({ kind: 'refused', reason: 'forbidden' });
    expect(describeSaveState({ kind: 'refused', reason: 'missing-token' }, saveWords)).toBe('Drafts unavailable (sign in again)');
    expect(describeSaveState({ kind: 'refused', reason: 'teapot' }, saveWords)).toBe('Drafts unavailable (teapot)');
  });
});

describe('presence', () => {
  const ada = { id: 'u-ada', name: 'Ada Lovelace', color: '#1f7a4d' };
  const bo = { id: 'u-bo', name: 'Bo', color: '#2b5fb4' };
  const state = (session: string, user: PresenceState['user'], segmentId: string | null = null): PresenceState => ({ session, user, segmentId, anchor: segmentId ? { item: null } : null, head: null });

  it('joins the awareness of every attached chunk: one peer per session, with the segment from the chunk that has it', () => {
    const { peers, avatars, guests } = collectPeers(
      [
        { chunk: 0, states: new Map<number, unknown>([[1, state('me', ada)], [2, state('s-ada', ada)], [3, state('s-bo', bo)], [9, state('g', null)]]) },
        { chunk: 1, states: new Map<number, unknown>([[4, state('s-ada', ada, 'seg-7')], [5, state('s-ada-2', ada)], [6, { garbage: true }]]) },
      ],
      'me',
    );
    expect(peers.map((peer) => [peer.session, peer.segmentId, peer.chunk])).toEqual([
      ['s-ada', 'seg-7', 1],
      ['s-ada-2', null, null],
      ['s-bo', null, null],
    ]);
    expect(avatars).toEqual([ada, bo]);
    expect(guests).toBe(1);
  });

  it('rejects malformed states and colours that are not plain hex', () => {
    expect(parsePresence({ session: 'x', user: { id: 'u', name: 'N', color: 'red;background:url(x)' }, segmentId: null })).toBeNull();
    expect(parsePresence({ session: 'x', user: null, segmentId: 'seg', anchor: 1, head: 2 })).toEqual({ session: 'x', user: null, segmentId: 'seg', anchor: 1, head: 2 });
  });

  it('gives each user one colour and initials', () => {
    expect(colorFor('u-ada')).toBe(colorFor('u-ada'));
    expect(colorFor('u-ada')).toMatch(/^#[0-9a-f]{6}$/);
    expect([initialsOf('Ada Lovelace'), initialsOf('bo'), initialsOf('  '), initialsOf('Émile Zola Jr')]).toEqual(['AL', 'B', '?', 'ÉJ']);
  });
});

describe('collaboration tokens', () => {
  it('fetches one token for concurrent callers and a new one shortly before it expires', async () => {
    let now = 0;
    let fetched = 0;
    const source = createTicketSource({ now: () => now, marginMs: 30_000, fetchTicket: async () => ({ token: `t${++fetched}`, expiresAt: now + 300_000, url: null }) });
    expect(await Promise.all([source.token(), source.token(), source.token()])).toEqual(['t1', 't1', 't1']);
    now = 260_000;
    expect(await source.token()).toBe('t1');
    now = 280_000;
    expect(await source.token()).toBe('t2');
  });

  it('tries again after a failed request', async () => {
    let attempts = 0;
    const source = createTicketSource({ fetchTicket: async () => (++attempts === 1 ? Promise.reject(new Error('offline')) : { token: 'ok', expiresAt: Date.now() + 300_000, url: null }) });
    await expect(source.token()).rejects.toThrow('offline');
    expect(await source.token()).toBe('ok');
  });
});

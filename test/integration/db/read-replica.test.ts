import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ANONYMOUS, SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { disconnectDb, getDb, getReadDb } from '../../../lib/db/client';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { findConcordance } from '../../../lib/memory/find-concordance';
import { findMemoryMatches } from '../../../lib/memory/find-memory-matches';
import { concordanceQuerySchema, memoryQuerySchema } from '../../../lib/memory/schemas';
import { getApiSegment } from '../../../lib/public-api/get-segment';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion } from '../../../lib/review/decide-suggestion';
import { searchInputSchema } from '../../../lib/search/schemas';
import { searchLibrary } from '../../../lib/search/search-library';
import { uniqueAddress } from '../../helpers/addresses';
import { createScratchDatabase } from '../../helpers/db';
import { buildCollection, buildUser, buildWork } from '../../helpers/factories';
import { startReplicatedPostgres, type ReplicatedPostgres } from '../../helpers/replicated-postgres';

// Reads that may lag (search, concordance, memory, the public API) go to READ_DATABASE_URL, a
// streaming replica; writes, and the rate limits they count, stay on the primary. Here both
// servers are started from the machine's PostgreSQL programs (test/helpers/replicated-postgres.ts).

const ORIGINAL = '# Evenings\n\nThe workers read the newspapers in the evening. The peasants listened in silence.\n';
const TRANSLATION = '# Вечера\n\nРабочие читали газеты по вечерам. Крестьяне слушали молча.\n';
// The same first sentence in another work: a memory lookup there finds the first work's translation.
const OTHER = '# Mornings\n\nThe workers read the newspapers in the evening. Nobody spoke.\n';
const SENTENCE = 'The workers read the newspapers in the evening.';

describe('reads from a streaming replica (READ_DATABASE_URL)', () => {
  let cluster: ReplicatedPostgres | undefined;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, READ_DATABASE_URL: process.env.READ_DATABASE_URL };
  let original: string;
  let other: string;
  let segmentId: string;
  let otherSegmentId: string;
  let volunteer: Actor;

  /** Proposes `text` as the Russian translation of the sentence and approves it, on the primary. */
  async function approveTranslation(text: string): Promise<void> {
    const current = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId, language: 'ru' } }, select: { publishedRevisionId: true } });
    const { suggestionId } = await createSuggestion({ actor: volunteer, input: { segmentId, language: 'ru', text, baseRevisionId: current.publishedRevisionId } });
    expect((await approveSuggestion({ actor: SYSTEM_ACTOR, input: { suggestionId } })).status).toBe('PUBLISHED');
  }

  const search = (q: string) => searchLibrary({ actor: ANONYMOUS, input: searchInputSchema.parse({ q, language: 'ru' }), clientAddress: uniqueAddress() });
  const concordance = (q: string) => findConcordance({ actor: ANONYMOUS, input: concordanceQuerySchema.parse({ q, source: 'en', target: 'ru', side: 'target' }), clientAddress: uniqueAddress() });
  const joined = (parts: readonly { text: string }[]) => parts.map((part) => part.text).join('');
  const memory = () => findMemoryMatches({ actor: SYSTEM_ACTOR, input: memoryQuerySchema.parse({ workId: other, segment: otherSegmentId, lang: 'ru' }) });
  const searchCounts = async () => (await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM rate_limit WHERE key LIKE 'search:%'`)[0]?.n ?? 0;

  async function sentenceOf(workId: string, text: string): Promise<string> {
    const row = await getDb().segment.findFirstOrThrow({
      where: { workId, kind: 'SENTENCE', texts: { some: { language: 'en', publishedRevision: { text } } } },
      select: { id: true },
    });
    return row.id;
  }

  beforeAll(async () => {
    cluster = await startReplicatedPostgres();
    const scratch = await createScratchDatabase(cluster.primaryUrl);
    await disconnectDb();
    process.env.DATABASE_URL = scratch.url;
    process.env.READ_DATABASE_URL = cluster.onReplica(scratch.url);

    const collectionId = (await buildCollection()).id;
    original = (await buildWork({ collectionId, text: ORIGINAL, title: 'Evenings', filename: 'evenings.md' })).workId;
    await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId: original, file: { name: 'ru.md', bytes: new TextEncoder().encode(TRANSLATION) }, provenance: { language: 'ru', translator: 'Maria Translator' } });
    other = (await buildWork({ collectionId, text: OTHER, title: 'Mornings', filename: 'mornings.md' })).workId;
    segmentId = await sentenceOf(original, SENTENCE);
    otherSegmentId = await sentenceOf(other, SENTENCE);
    volunteer = (await buildUser({ name: 'Vera Volunteer' })).actor;
    await cluster.waitForReplay();
  });

  afterAll(async () => {
    // Pools first: the servers are stopped under them. Runs after a failed beforeAll too.
    await disconnectDb();
    process.env.DATABASE_URL = saved.DATABASE_URL;
    if (saved.READ_DATABASE_URL === undefined) delete process.env.READ_DATABASE_URL;
    else process.env.READ_DATABASE_URL = saved.READ_DATABASE_URL;
    await cluster?.stop();
  });

  it('reads through the replica, whose sessions refuse writes; without READ_DATABASE_URL it is the primary', async () => {
    const inRecovery = async (db: typeof getDb) => (await db().$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`)[0]?.standby;
    expect(await inRecovery(getReadDb)).toBe(true);
    expect(await inRecovery(getDb)).toBe(false);
    await expect(getReadDb().collection.create({ data: { title: 'Written to a replica', slug: 'replica-write' } })).rejects.toThrow(/read-only transaction/u);

    const replicaUrl = process.env.READ_DATABASE_URL;
    try {
      // Read-only sessions even on a writable server named by mistake (here the primary itself).
      await disconnectDb();
      process.env.READ_DATABASE_URL = `${process.env.DATABASE_URL}?application_name=misconfigured`;
      expect(await inRecovery(getReadDb)).toBe(false);
      await expect(getReadDb().collection.create({ data: { title: 'Written through the read client', slug: 'read-write' } })).rejects.toThrow(/read-only transaction/u);
      // Nor can the URL's own `options` turn the flag off.
      await disconnectDb();
      process.env.READ_DATABASE_URL = `${process.env.DATABASE_URL}?options=${encodeURIComponent('-c default_transaction_read_only=off -c application_name=opts')}`;
      expect((await getReadDb().$queryRaw<{ name: string }[]>`SELECT current_setting('application_name') AS name`)[0]?.name).toBe('opts');
      await expect(getReadDb().collection.create({ data: { title: 'Written through options', slug: 'options-write' } })).rejects.toThrow(/read-only transaction/u);
      expect(await getDb().collection.count({ where: { slug: { in: ['replica-write', 'read-write', 'options-write'] } } })).toBe(0);

      delete process.env.READ_DATABASE_URL;
      expect(getReadDb()).toBe(getDb());
      process.env.READ_DATABASE_URL = 'not a url';
      expect(() => getReadDb()).toThrow(/READ_DATABASE_URL/u);
    } finally {
      await disconnectDb();
      process.env.READ_DATABASE_URL = replicaUrl;
    }
  });

  it('finds an approved translation in search, concordance, memory and the public API once the replica has replayed it', async () => {
    await approveTranslation('Рабочие читали журналы по вечерам.');
    await cluster?.waitForReplay();

    expect((await search('журналы')).hits.map((hit) => hit.segmentId)).toEqual([segmentId]);
    expect((await concordance('журналы')).pairs.map((pair) => [joined(pair.source), joined(pair.target)])).toEqual([[SENTENCE, 'Рабочие читали журналы по вечерам.']]);
    const matches = await memory();
    expect(matches.matches.map((match) => [match.percent, match.targetText, match.provenance.origin])).toEqual([[100, 'Рабочие читали журналы по вечерам.', 'LIBRARY']]);
    expect((await getApiSegment({ segmentId })).segment.texts.ru?.text).toBe('Рабочие читали журналы по вечерам.');
  });

  it('lags while the replica does not replay, though the primary has the change and counts the searches', async () => {
    await cluster?.pauseReplay();
    try {
      await approveTranslation('Рабочие читали тетради по вечерам.');
      // The editor's own data reads the primary: the approval is there at once.
      const published = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId, language: 'ru' } }, select: { publishedRevision: { select: { text: true } } } });
      expect(published.publishedRevision?.text).toBe('Рабочие читали тетради по вечерам.');

      // Reads that may lag do not have it yet: they really are served by the replica.
      const countsBefore = await searchCounts();
      expect((await search('тетрадь')).total).toBe(0);
      expect((await search('журналы')).hits.map((hit) => hit.segmentId)).toEqual([segmentId]);
      expect((await concordance('тетради')).pairs).toEqual([]);
      expect((await memory()).matches[0]?.targetText).toBe('Рабочие читали журналы по вечерам.');
      expect((await getApiSegment({ segmentId })).segment.texts.ru?.text).toBe('Рабочие читали журналы по вечерам.');
      // Each search and the concordance were counted against their addresses on the primary (the replica refuses writes).
      expect(await searchCounts()).toBe(countsBefore + 3);
    } finally {
      await cluster?.resumeReplay();
    }

    await cluster?.waitForReplay();
    expect((await search('тетрадь')).hits.map((hit) => hit.segmentId)).toEqual([segmentId]);
    expect((await search('журналы')).total).toBe(0);
    expect((await concordance('тетради')).pairs.map((pair) => joined(pair.target))).toEqual(['Рабочие читали тетради по вечерам.']);
    expect((await memory()).matches[0]?.targetText).toBe('Рабочие читали тетради по вечерам.');
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { DOMParser, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';

import { GET as workExportRoute } from '../../../app/api/works/[workId]/export/route';
import { GET as newAtomRoute } from '../../../app/feeds/new.atom/route';
import { GET as collectionRoute } from '../../../app/opds/collections/[collectionId]/route';
import { GET as collectionWorksRoute } from '../../../app/opds/collections/[collectionId]/works/route';
import { GET as opdsNewRoute } from '../../../app/opds/new/route';
import { GET as rootRoute } from '../../../app/opds/route';
import { GET as volumeRoute } from '../../../app/opds/volumes/[volumeId]/route';
import { feedOrigin } from '../../../lib/feed/feed-urls';
import { buildLaidOutWork, buildVolume, translateWork } from '../../helpers/export-fixtures';
import { buildCollection, buildWork } from '../../helpers/factories';
import { callRoute } from '../../helpers/requests';

const run = promisify(execFile);
const SCHEMA = path.resolve(__dirname, '../../fixtures/atom-feed.rng');
const ATOM = 'http://www.w3.org/2005/Atom';
const NAVIGATION = 'application/atom+xml;profile=opds-catalog;kind=navigation';
const ACQUISITION = 'application/atom+xml;profile=opds-catalog;kind=acquisition';
const ORIGIN = feedOrigin(process.env.NEXTAUTH_URL, 'http://localhost/opds');
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/u;

interface Feed {
  root: Element;
  links: Record<string, string>[];
  entries: { id: string; title: string; updated: string; links: Record<string, string>[]; languages: string[]; summary: string }[];
}

const childrenNamed = (element: Element, name: string, namespace = ATOM) => Array.from(element.childNodes).filter((node): node is Element => node.nodeType === 1 && (node as Element).localName === name && (node as Element).namespaceURI === namespace);
const text = (element: Element, name: string) => childrenNamed(element, name)[0]?.textContent ?? '';
const attributes = (element: Element) => Object.fromEntries(Array.from(element.attributes).map((attribute) => [attribute.name, attribute.value]));

/** Validates a feed with xmllint against the Atom structure (test/fixtures/atom-feed.rng) and reads it, checking what RFC 4287 asks of every feed and entry. */
async function readFeed(response: Response, contentType: string): Promise<Feed> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(contentType);
  const xml = await response.text();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'feed-'));
  try {
    await writeFile(path.join(dir, 'feed.xml'), xml);
    const { stderr } = await run('xmllint', ['--noout', '--relaxng', SCHEMA, path.join(dir, 'feed.xml')]);
    expect(stderr).toContain('validates');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const root = new DOMParser({ onError: (level, message) => { throw new Error(`${level}: ${message}`); } }).parseFromString(xml, 'application/xml').documentElement as Element;
  expect([root.localName, root.namespaceURI]).toEqual(['feed', ATOM]);
  expect(text(root, 'updated')).toMatch(RFC3339);
  expect(childrenNamed(root, 'author')).toHaveLength(1);
  const entries = childrenNamed(root, 'entry').map((entry) => ({
    id: text(entry, 'id'),
    title: text(entry, 'title'),
    updated: text(entry, 'updated'),
    summary: text(entry, 'summary'),
    links: childrenNamed(entry, 'link').map(attributes),
    languages: childrenNamed(entry, 'language', 'http://purl.org/dc/terms/').map((element) => element.textContent ?? ''),
  }));
  for (const entry of entries) {
    expect(entry.updated).toMatch(RFC3339);
    // RFC 4287 §4.1.1: an entry without content has an alternate link.
    expect(entry.links.some((link) => link.rel === 'alternate' || link.rel === 'subsection' || link.rel === 'http://opds-spec.org/sort/new')).toBe(true);
  }
  expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
  return { root, links: childrenNamed(root, 'link').map(attributes), entries };
}

const relative = (href: string) => href.slice(ORIGIN.length);

describe('the OPDS catalogue and the Atom feed of new works', () => {
  let collectionId: string;
  let volumeId: string;
  let harvestId: string;
  let looseId: string;

  beforeAll(async () => {
    const collection = await buildCollection('Feeds: Lowfield shelf');
    collectionId = collection.id;
    const opening = await buildWork({ collectionId, title: 'Feeds: before the harvest', text: '# Before\n\nA short opening piece.\n' });
    const harvest = await buildLaidOutWork({ title: 'Feeds: the harvest', collectionId });
    harvestId = harvest.workId;
    await translateWork({ workId: harvestId, language: 'ru', translator: 'A. Printed', translate: (value) => `Перевод: ${value}` });
    volumeId = await buildVolume({ title: 'Feeds: Lowfield Papers', workIds: [opening.workId, harvestId] });
    const loose = await buildWork({ collectionId, title: 'Feeds: <script>alert(1)</script> & “loose” ]]> leaf', text: '# A Leaf\n\nIt stands alone.\n' });
    looseId = loose.workId;
  });

  it('leads from the start through a collection to its volumes and other works, with the OPDS types', async () => {
    const root = await readFeed(await callRoute(rootRoute, '/opds'), NAVIGATION);
    expect(root.links).toEqual(expect.arrayContaining([{ rel: 'self', href: `${ORIGIN}/opds`, type: NAVIGATION }, { rel: 'http://opds-spec.org/sort/new', href: `${ORIGIN}/opds/new`, type: ACQUISITION, title: 'New in the library' }]));
    const shelf = root.entries.find((entry) => entry.title === 'Feeds: Lowfield shelf');
    expect(shelf?.id).toBe(`urn:uuid:${collectionId}`);
    expect(shelf?.links).toEqual([{ rel: 'subsection', href: `${ORIGIN}/opds/collections/${collectionId}`, type: NAVIGATION }]);

    const collection = await readFeed(await callRoute(collectionRoute, relative(shelf?.links[0]?.href ?? ''), { params: { collectionId } }), NAVIGATION);
    expect(collection.links).toEqual(expect.arrayContaining([{ rel: 'up', href: `${ORIGIN}/opds`, type: NAVIGATION }]));
    expect(collection.entries.map((entry) => [entry.title, entry.links[0]?.href, entry.links[0]?.type])).toEqual([
      ['Feeds: Lowfield Papers', `${ORIGIN}/opds/volumes/${volumeId}`, ACQUISITION],
      ['Works outside a volume', `${ORIGIN}/opds/collections/${collectionId}/works`, ACQUISITION],
    ]);

    const missing = await callRoute(collectionRoute, '/opds/collections/00000000-0000-7000-8000-000000000000', { params: { collectionId: '00000000-0000-7000-8000-000000000000' } });
    expect(missing.status).toBe(404);
  });

  it('offers a volume whole and each of its works with EPUB and HTML downloads that answer', async () => {
    const volume = await readFeed(await callRoute(volumeRoute, `/opds/volumes/${volumeId}`, { params: { volumeId } }), ACQUISITION);
    expect(volume.entries.map((entry) => entry.title)).toEqual(['Feeds: Lowfield Papers (the whole volume)', 'Feeds: before the harvest', 'Feeds: the harvest']);
    const [whole, , harvest] = volume.entries;
    expect(whole?.links.filter((link) => link.rel === 'http://opds-spec.org/acquisition').map((link) => link.href)).toEqual([
      `${ORIGIN}/api/volumes/${volumeId}/export?format=epub&lang=en`,
      `${ORIGIN}/api/volumes/${volumeId}/export?format=html&lang=en`,
      `${ORIGIN}/api/volumes/${volumeId}/export?format=epub&lang=ru`,
      `${ORIGIN}/api/volumes/${volumeId}/export?format=html&lang=ru`,
      `${ORIGIN}/api/volumes/${volumeId}/export?format=epub&lang=ru&with=en&layout=side-by-side`,
    ]);
    expect(harvest?.id).toBe(`urn:uuid:${harvestId}`);
    expect(harvest?.languages).toEqual(['en', 'ru']);
    expect(harvest?.summary).toContain('ru 100% translated');
    expect(harvest?.links[0]).toEqual({ rel: 'alternate', type: 'text/html', href: `${ORIGIN}/works/${harvestId}`, title: 'Read online' });
    const acquisitions = harvest?.links.filter((link) => link.rel === 'http://opds-spec.org/acquisition') ?? [];
    expect(acquisitions.map((link) => link.type)).toEqual(['application/epub+zip', 'text/html', 'application/epub+zip', 'text/html', 'application/epub+zip']);
    const epub = await callRoute(workExportRoute, relative(acquisitions[4]?.href ?? ''), { params: { workId: harvestId } });
    expect(epub.status).toBe(200);
    expect(epub.headers.get('content-type')).toBe('application/epub+zip');
    // Not read: cancelled, which gives the download's slot back.
    await epub.body?.cancel();
    const html = await callRoute(workExportRoute, relative(acquisitions[1]?.href ?? ''), { params: { workId: harvestId } });
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    await html.body?.cancel();
  });

  it('lists a collection’s other works in pages, their hostile titles escaped', async () => {
    const works = await readFeed(await callRoute(collectionWorksRoute, `/opds/collections/${collectionId}/works`, { params: { collectionId } }), ACQUISITION);
    expect(works.entries.map((entry) => entry.title)).toEqual(['Feeds: <script>alert(1)</script> & “loose” ]]> leaf']);
    expect(works.links.map((link) => link.rel)).not.toContain('next');
    const beyond = await callRoute(collectionWorksRoute, `/opds/collections/${collectionId}/works?page=0`, { params: { collectionId } });
    expect(beyond.status).toBe(422);
  });

  it('publishes new works and translations in an Atom feed, newest first, with stable ids and links to the reader', async () => {
    const response = await callRoute(newAtomRoute, '/feeds/new.atom');
    const feed = await readFeed(response, 'application/atom+xml; charset=utf-8');
    expect(feed.links).toEqual(expect.arrayContaining([{ rel: 'self', href: `${ORIGIN}/feeds/new.atom`, type: 'application/atom+xml' }]));
    const loose = feed.entries.find((entry) => entry.id === `urn:uuid:${looseId}`);
    expect(loose?.links).toEqual([{ rel: 'alternate', type: 'text/html', href: `${ORIGIN}/works/${looseId}` }]);
    const translation = feed.entries.find((entry) => entry.title === 'Feeds: the harvest — Русский');
    expect(translation?.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/u);
    expect(translation?.links[0]?.href).toBe(`${ORIGIN}/works/${harvestId}/read?mode=parallel&target=ru`);
    expect(translation?.summary).toContain('100% translated');
    const dates = feed.entries.map((entry) => entry.updated);
    expect([...dates].sort().reverse()).toEqual(dates);
    // The same entries keep their ids.
    const again = await readFeed(await callRoute(newAtomRoute, '/feeds/new.atom'), 'application/atom+xml; charset=utf-8');
    expect(again.entries.find((entry) => entry.title === translation?.title)?.id).toBe(translation?.id);

    const opdsNew = await readFeed(await callRoute(opdsNewRoute, '/opds/new'), ACQUISITION);
    expect(opdsNew.entries.some((entry) => entry.id === `urn:uuid:${looseId}`)).toBe(true);
  });
});

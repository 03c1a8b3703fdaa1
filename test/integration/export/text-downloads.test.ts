import { createHash } from 'node:crypto';

import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { beforeAll, describe, expect, it } from 'vitest';

import { GET as volumeExportRoute } from '../../../app/api/volumes/[volumeId]/export/route';
import { GET as workExportRoute } from '../../../app/api/works/[workId]/export/route';
import { ANONYMOUS } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { createDownload } from '../../../lib/export/create-download';
import { downloadQuerySchema } from '../../../lib/export/schemas';
import { PEER_ADDRESS_HEADER } from '../../../lib/http/peer-address';
import { uniqueAddress } from '../../helpers/addresses';
import { errorCodeOf } from '../../helpers/errors';
import { buildLaidOutWork, buildVolume, HOSTILE_TEXT, publishText, translateWork } from '../../helpers/export-fixtures';
import { buildCollection, buildUser, buildWork } from '../../helpers/factories';
import { htmlElements } from '../../helpers/html-tree';
import { callRoute } from '../../helpers/requests';

 
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uFDD0-\uFDEF]/u;

async function download(workId: string, query: Record<string, string>, target: 'work' | 'volume' = 'work'): Promise<string> {
  const result = await createDownload({ actor: ANONYMOUS, target: target === 'work' ? { kind: 'work', workId } : { kind: 'volume', volumeId: workId }, query: downloadQuerySchema.parse(query) });
  const chunks: Uint8Array[] = [];
  for await (const chunk of result.body) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

describe('plain text, Markdown and HTML downloads', () => {
  let workId: string;

  beforeAll(async () => {
    const collection = await buildCollection('Downloads: harvest texts');
    const translator = await buildUser({ name: 'Vera Translator' });
    const work = await buildLaidOutWork({ title: 'The harvest at Lowfield', collectionId: collection.id });
    workId = work.workId;
    const db = getDb();
    // The Russian translation leaves the list's second item untranslated.
    await translateWork({ workId, language: 'ru', authorId: translator.id, translator: 'A. Printed', translate: (text) => (text.startsWith('Horses') ? null : `Перевод: ${text}`) });
    const first = await db.segment.findFirstOrThrow({ where: { workId, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true } });
    const text = 'The delegates argued about the harvest for a long time.';
    await publishText({ segmentId: first.id, language: 'en', text, emphasis: [{ start: text.indexOf('harvest'), end: text.indexOf('harvest') + 'harvest'.length }] });
    const quote = await db.segmentText.findFirstOrThrow({ where: { language: 'ru', segment: { workId, parent: { style: 'QUOTE' } } }, select: { segmentId: true } });
    await publishText({ segmentId: quote.segmentId, language: 'ru', text: HOSTILE_TEXT });
    // A sentence a re-import retired is not downloaded.
    const retired = await db.segmentText.findFirstOrThrow({ where: { language: 'en', segment: { workId }, publishedRevision: { text: { startsWith: 'Nobody in the hall' } } }, select: { segmentId: true } });
    await db.segment.update({ where: { id: retired.segmentId }, data: { retiredAt: new Date() } });
  });

  it('writes plain text with its headings, pages, notes and layouts, and nothing retired or unpublished', async () => {
    const text = await download(workId, { format: 'txt' });
    expect(text.startsWith('The harvest at Lowfield\n=======================\n')).toBe(true);
    expect(text).toContain('ON THE HARVEST AT LOWFIELD\n==========================');
    expect(text).toContain('[p. 7] The delegates argued about the harvest for a long time.[1] Nobody agreed');
    expect(text).toContain('which he did [p. 8] without a word');
    expect(text).toContain('[*] My italics.');
    expect(text).toContain('[1] The harvest of that year was the worst in a decade.');
    expect(text).toContain('\n    The committee shall meet again');
    expect(text).toContain('\n• Seed for the spring sowing.\n');
    expect(text).toContain('\nAda: Shall we begin');
    expect(text).toContain('\nBrook: Yes. It was closed in May by the flood.\n');
    expect(text).not.toContain('Nobody in the hall');
    expect(text).not.toContain('Перевод');
    expect(text).not.toMatch(CONTROLS);
  });

  it('alternates the two languages in Markdown, every marker defined once, hostile text kept as text', async () => {
    const markdown = await download(workId, { format: 'md', lang: 'en', with: 'ru' });
    const tree: Root = fromMarkdown(markdown, { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] });
    const nodes: { type: string; identifier?: string; value?: string; children?: unknown[] }[] = [];
    const walk = (node: { type: string; children?: unknown[] }) => {
      nodes.push(node);
      for (const child of (node.children ?? []) as { type: string }[]) walk(child);
    };
    walk(tree);
    const references = nodes.filter((node) => node.type === 'footnoteReference').map((node) => node.identifier);
    const definitions = nodes.filter((node) => node.type === 'footnoteDefinition').map((node) => node.identifier);
    // Markers in both languages, each note defined once with both its texts.
    expect(new Set(references)).toEqual(new Set(definitions));
    expect(definitions).toHaveLength(3);
    expect(references.length).toBe(6);
    expect(markdown).toMatch(/\[\^1\]: The harvest of that year was the worst in a decade\.\n\n {4}Перевод: The harvest/u);
    expect(nodes.some((node) => node.type === 'html')).toBe(false);
    expect(nodes.filter((node) => node.type === 'emphasis')).toHaveLength(1);
    expect(markdown).toContain('*harvest*');
    const paragraphs = markdown.split('\n\n');
    const english = paragraphs.findIndex((paragraph) => paragraph.startsWith('**Ada:** Shall we begin'));
    expect(paragraphs[english + 1]).toBe('**Ada:** Перевод: Shall we begin with the bridge at Lowfield?');
    // The untranslated item is not repeated in the original's words: the original is right above it.
    expect(markdown.match(/Horses for the carts/gu)).toHaveLength(1);
    expect(markdown).toContain('\\<script>alert("x")\\</script> & ]]>');
    expect(markdown).not.toMatch(CONTROLS);
  });

  it('writes one inert HTML page side by side, its style allowed by hash and nothing loaded from anywhere', async () => {
    const html = await download(workId, { format: 'html', lang: 'ru', with: 'en', layout: 'side-by-side' });
    const elements = htmlElements(html);
    expect(elements.filter((element) => element.tag === 'script')).toEqual([]);
    expect(elements.filter((element) => ['img', 'link', 'iframe', 'object', 'embed'].includes(element.tag))).toEqual([]);
    expect(elements.filter((element) => Object.keys(element.attrs).some((name) => name === 'style' || name.startsWith('on')))).toEqual([]);
    const [style, ...otherStyles] = elements.filter((element) => element.tag === 'style');
    expect(otherStyles).toEqual([]);
    const csp = elements.find((element) => element.tag === 'meta' && element.attrs['http-equiv'] === 'Content-Security-Policy')?.attrs.content ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style?.text ?? '').digest('base64')}'`);
    expect(elements.find((element) => element.tag === 'html')?.attrs.lang).toBe('ru');

    // Pairs side by side: the Russian on the left, the English on the right.
    const pairs = elements.filter((element) => element.tag === 'table' && element.attrs.class?.includes('pair'));
    expect(pairs.length).toBeGreaterThan(8);
    const dialogue = pairs.find((pair) => pair.text.includes('Shall we begin'));
    expect(dialogue?.children[0]?.children[0]?.children.map((cell) => cell.attrs.lang)).toEqual(['ru', 'en']);
    // The untranslated item: its Russian side is empty, the original beside it.
    const horses = pairs.find((pair) => pair.text.includes('Horses'));
    expect(horses?.children[0]?.children[0]?.children.map((cell) => cell.text)).toEqual(['', '• Horses for the carts.']);
    expect(elements.filter((element) => element.attrs.class?.includes('untranslated'))).toEqual([]);

    // Every internal link has its target; notes and pages have one id each.
    const ids = elements.map((element) => element.attrs.id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    const links = elements.filter((element) => element.tag === 'a' && element.attrs.href?.startsWith('#')).map((element) => element.attrs.href?.slice(1));
    expect(links.every((id) => ids.includes(id))).toBe(true);
    expect(elements.filter((element) => element.attrs.class === 'noteref')).toHaveLength(6);
    expect(elements.filter((element) => element.tag === 'aside').map((element) => element.attrs.role)).toEqual(['doc-footnote', 'doc-footnote', 'doc-footnote']);
    expect(elements.filter((element) => element.attrs.role === 'doc-pagebreak').map((element) => element.attrs.title)).toEqual(['7', '8']);
    // Contents from the headings, in the main language.
    const toc = elements.find((element) => element.tag === 'nav');
    expect(toc?.text).toContain('Перевод: II. THE SECOND MEETING');
    // Hostile text stays text.
    expect(elements.some((element) => element.text.includes('<script>alert("x")</script> & ]]>'))).toBe(true);
    expect(html).not.toMatch(CONTROLS);
    expect(html).toContain('Translated into Русский by A. Printed, Vera Translator');
  });

  it('shows the original, marked, where a translation read alone is missing', async () => {
    const elements = htmlElements(await download(workId, { format: 'html', lang: 'ru' }));
    const untranslated = elements.filter((element) => element.attrs.class === 'untranslated');
    expect(untranslated.map((element) => [element.tag, element.attrs.lang, element.text])).toEqual([['span', 'en', 'Horses for the carts.']]);
    expect(elements.filter((element) => element.tag === 'table')).toEqual([]);
  });

  it('repeats each chapter in the second language after it, without ids of its own', async () => {
    const html = await download(workId, { format: 'html', lang: 'ru', with: 'en', layout: 'original-after-chapter' });
    const elements = htmlElements(html);
    const labels = elements.filter((element) => element.attrs.class === 'pass-label');
    // The work's title begins the first chapter; "II." the second; "NOTES" the third.
    expect(labels.map((element) => element.text)).toEqual(['English', 'English', 'English']);
    expect(elements.filter((element) => element.tag === 'table')).toEqual([]);
    const ids = elements.map((element) => element.attrs.id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    const main = elements.find((element) => element.tag === 'main')?.text ?? '';
    expect(main.indexOf('Перевод: Shall we begin')).toBeLessThan(main.indexOf('Shall we begin with the bridge at Lowfield?Brook'));
  });

  it('answers through the route with both file names, and refuses an unknown format with a 400', async () => {
    const response = await callRoute(workExportRoute, `/api/works/${workId}/export?format=md&lang=ru`, { params: { workId } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename=the-harvest-at-lowfield.ru.md; filename*=UTF-8''The%20harvest%20at%20Lowfield%20%28ru%29.md`);
    expect(await response.text()).toContain('Перевод: Shall we begin');

    const unknown = await callRoute(workExportRoute, `/api/works/${workId}/export?format=pdf`, { params: { workId } });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: { code: 'UNSUPPORTED_FORMAT', message: '“pdf” is not a download format. Choose one of: epub, html, txt, md, jsonl, xliff, xliff12, tmx.' } });
    // Opened by the browser (the Download form), an error is a page to read, not JSON.
    const opened = await callRoute(workExportRoute, `/api/works/${workId}/export?format=<pdf>`, { params: { workId }, init: { headers: { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' } } });
    expect(opened.status).toBe(400);
    expect(opened.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await opened.text();
    expect(page).toContain('<h1>“&#60;pdf&#62;” is not a download format.');
    expect(page).not.toContain('<pdf>');
    const bilingualXliff = await callRoute(workExportRoute, `/api/works/${workId}/export?format=xliff&lang=ru&with=en`, { params: { workId } });
    expect(bilingualXliff.status).toBe(422);
    expect(((await bilingualXliff.json()) as { error: { message: string } }).error.message).toContain('XLIFF and TMX hold the original beside one translation');
    const language = await callRoute(workExportRoute, `/api/works/${workId}/export?format=txt&lang=de`, { params: { workId } });
    expect(language.status).toBe(422);
    const same = await callRoute(workExportRoute, `/api/works/${workId}/export?format=txt&lang=ru&with=ru`, { params: { workId } });
    expect(same.status).toBe(422);
    const layout = await callRoute(workExportRoute, `/api/works/${workId}/export?format=txt&with=ru&layout=side-by-side`, { params: { workId } });
    expect(layout.status).toBe(422);
    const missing = await callRoute(workExportRoute, `/api/works/00000000-0000-7000-8000-000000000000/export?format=txt`, { params: { workId: '00000000-0000-7000-8000-000000000000' } });
    expect(missing.status).toBe(404);
    expect(await errorCodeOf(createDownload({ actor: ANONYMOUS, target: { kind: 'volume', volumeId: workId }, query: downloadQuerySchema.parse({ format: 'txt' }) }))).toBe('NOT_FOUND');
  });

  it('takes two downloads of a reader at a time and four in all, each until its file has been sent or abandoned', async () => {
    const from = (address: string) => ({ params: { workId }, init: { headers: { [PEER_ADDRESS_HEADER]: address } } });
    const get = (address: string) => callRoute(workExportRoute, `/api/works/${workId}/export?format=txt&with=ru`, from(address));
    const reader = uniqueAddress();
    // Answered, not yet read: each holds its slot.
    const first = await get(reader);
    const second = await get(reader);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await get(reader);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('30');
    // Another reader's two fill the four slots of the process.
    const other = uniqueAddress();
    const others = [await get(other), await get(other)];
    const busy = await get(uniqueAddress());
    expect(busy.status).toBe(503);
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('SERVER_BUSY');
    // Read to its end, a download gives its slot back; cancelled (the reader went away), too.
    expect(await first.text()).toContain('Перевод: Shall we begin');
    await second.body?.cancel();
    for (const response of others) await response.body?.cancel();
    const again = [await get(reader), await get(reader)];
    expect(again.map((response) => response.status)).toEqual([200, 200]);
    for (const response of again) await response.text();
  });

  it('downloads a volume’s works in printed order, and its notes once for a work that refers to them', async () => {
    const collection = await buildCollection('Downloads: a volume of two');
    const second = await buildWork({ collectionId: collection.id, title: 'Second in print', text: '# Before the Harvest\n\nThe first piece printed in the volume.\n' });
    const first = await buildLaidOutWork({ title: 'First of the volume', collectionId: collection.id });
    const volumeId = await buildVolume({ title: 'Lowfield Papers', workIds: [second.workId, first.workId] });
    const response = await callRoute(volumeExportRoute, `/api/volumes/${volumeId}/export?format=txt`, { params: { volumeId } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.startsWith('Lowfield Papers\n')).toBe(true);
    expect(text).toContain('Anne Author');
    expect(text.indexOf('The first piece printed')).toBeLessThan(text.indexOf('ON THE HARVEST AT LOWFIELD'));
    const jsonl = await callRoute(volumeExportRoute, `/api/volumes/${volumeId}/export?format=jsonl`, { params: { volumeId } });
    expect(jsonl.status).toBe(422);
  });
});

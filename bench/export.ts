/**
 * npm run bench:export — how fast a whole volume downloads as an EPUB in two languages, and how
 * much memory it takes. The volume is the corpus' OCR volume imported whole (split into its
 * works, with its pages and notes) as many times as it takes to reach about 10,000 segments,
 * each text given a "translation" made of sentences of the other corpus texts (read at run time)
 * and published as a second language. The 1× volume and one ten times larger are each written by
 * a child process that reports its time, its resident memory before the download and its peak
 * (getrusage's maxRSS), and in a second run what the heap and buffers still hold after each
 * collection (sampled): flat memory means the 10× figures stay close to the 1×. Baselines measured
 * in the same run: reading the same segments and texts alone (the queries the EPUB needs, no
 * writing), and the same volume as plain text and HTML. The volume's XLIFF 2.0 (original beside
 * the translation, with revisions and notes) is measured the same way, at 1× and at the larger
 * scale. Prints a JSON line with the figures last.
 * `--scale=N` changes the large volume's size (default 10).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { round } from './timing';
import { SYSTEM_ACTOR } from '../lib/auth/permissions';
import { disconnectDb, getDb, withTransaction } from '../lib/db/client';
import { createDownload } from '../lib/export/create-download';
import { downloadQuerySchema } from '../lib/export/schemas';
import { importVolume } from '../lib/import/import-volume';
import { insertPublishedTexts } from '../lib/segment/insert-published-texts';
import { createScratchDatabase, openTestServer } from '../test/helpers/db';

const run = promisify(execFile);
const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const VOLUME_FILE = 'stalin-works-vol8-ocr.en.txt';
const TRANSLATION_FILES = ['razlatzky-notes-in-the-margins.en.txt', 'lenin-stalin-quotes-collection.en.txt', 'wells-stalin-interview-1934.en.txt'];
const TARGET_SEGMENTS = 10_000;
const SCALE = Number(/^--scale=(\d+)$/u.exec(process.argv.find((arg) => arg.startsWith('--scale=')) ?? '')?.[1] ?? 10);
const LANGUAGE = 'ru';

/** What a child process reports of one download. */
interface ChildFigures {
  seconds: number;
  bytes: number;
  baselineRssMb: number;
  peakRssMb: number;
  /** With `--memory`: the most the heap and buffers held right after a full collection, sampled every 200 ms. */
  liveHeapPeakMb: number | null;
}

/**
 * In the child: writes one download of the volume, counting its bytes, and reports time and
 * memory. With `--memory` (and node's `--expose-gc`) it also collects garbage every 200 ms and
 * keeps the largest heap and buffers still held: what the download retains, not what the
 * collector has yet to free (that run is slower and its time is not reported).
 */
async function child(volumeId: string, format: string, isMemoryRun: boolean): Promise<void> {
  const baseline = process.memoryUsage().rss;
  let livePeak = 0;
  const collect = (globalThis as { gc?: () => void }).gc;
  const sampler = isMemoryRun && collect
    ? setInterval(() => {
        collect();
        const usage = process.memoryUsage();
        livePeak = Math.max(livePeak, usage.heapUsed + usage.external);
      }, 200)
    : null;
  const started = performance.now();
  // XLIFF holds the original beside the translation named as its language; the others, both languages.
  const query = format === 'xliff' ? { format, lang: LANGUAGE } : { format, lang: 'en', with: LANGUAGE, ...(format === 'epub' || format === 'html' ? { layout: 'side-by-side' } : {}) };
  const download = await createDownload({ actor: SYSTEM_ACTOR, target: { kind: 'volume', volumeId }, query: downloadQuerySchema.parse(query) });
  let bytes = 0;
  for await (const chunk of download.body) bytes += chunk.byteLength;
  const seconds = (performance.now() - started) / 1000;
  if (sampler) clearInterval(sampler);
  await disconnectDb();
  const figures: ChildFigures = {
    seconds: round(seconds),
    bytes,
    baselineRssMb: round(baseline / 1024 / 1024),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024),
    liveHeapPeakMb: sampler ? round(livePeak / 1024 / 1024) : null,
  };
  console.log(JSON.stringify(figures));
}

async function inChild(volumeId: string, format: string, { isMemoryRun = false } = {}): Promise<ChildFigures> {
  const flags = isMemoryRun ? ['--expose-gc'] : [];
  const { stdout } = await run(process.execPath, [...flags, '--import', 'tsx', '--import', './scripts/register-hooks.mjs', 'bench/export.ts', '--child', volumeId, format, ...(isMemoryRun ? ['--memory'] : [])], { env: process.env, maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildFigures;
}

/** Sentences of the other corpus texts, to stand in as translations. */
async function translationSentences(): Promise<string[]> {
  const texts = await Promise.all(TRANSLATION_FILES.map((file) => readFile(path.join(CORPUS, file), 'utf8')));
  return texts.flatMap((text) => text.split(/(?<=[.!?])\s+/u)).map((sentence) => sentence.replace(/\s+/gu, ' ').trim()).filter((sentence) => sentence.length > 20 && sentence.length < 400);
}

/** A volume being seeded: its id (once the first copy is imported) and the next place in it. */
interface SeededVolume {
  volumeId: string;
  position: number;
}

/**
 * Adds `copies` imports of the corpus volume to `volume`: each imported whole (contents split,
 * pages, notes), its works then moved into the volume in order, each text given a translation.
 */
async function addCopies(collectionId: string, volume: SeededVolume, copies: number, sentences: string[]): Promise<{ volumeId: string; segments: number }> {
  const bytes = await readFile(path.join(CORPUS, VOLUME_FILE));
  const db = getDb();
  for (let copy = 0; copy < copies; copy += 1) {
    const imported = await importVolume({ actor: SYSTEM_ACTOR, file: { name: 'vol8.txt', bytes }, collection: { id: collectionId }, metadata: { title: 'Works, Volume 8', language: 'en' } });
    volume.volumeId ||= imported.volumeId;
    for (const work of imported.works) {
      await db.work.update({ where: { id: work.workId }, data: { volumeId: volume.volumeId, volumePosition: volume.position } });
      volume.position += 1;
      await db.workLanguage.create({ data: { workId: work.workId, language: LANGUAGE, translator: 'Corpus Stand-in' } });
      const segments = await db.segment.findMany({ where: { workId: work.workId, kind: { not: 'PARAGRAPH' } }, orderBy: { orderKey: 'asc' }, select: { id: true } });
      for (let offset = 0; offset < segments.length; offset += 2000) {
        const batch = segments.slice(offset, offset + 2000);
        await withTransaction(db, (tx) => insertPublishedTexts({ tx, language: LANGUAGE, items: batch.map((segment, index) => ({ segmentId: segment.id, text: sentences[(volume.position * 31 + offset + index) % sentences.length] ?? '' })), authorId: null, origin: 'IMPORT' }));
      }
    }
  }
  const segments = await db.segment.count({ where: { work: { volumeId: volume.volumeId } } });
  return { volumeId: volume.volumeId, segments };
}

/** The reading alone: every segment of the volume with both texts, in the EPUB's batches, nothing written. */
async function readOnly(volumeId: string): Promise<number> {
  const db = getDb();
  const works = await db.work.findMany({ where: { volumeId }, orderBy: { volumePosition: 'asc' }, select: { id: true } });
  const started = performance.now();
  for (const work of works) {
    let after: string | undefined;
    for (;;) {
      const rows = await db.segment.findMany({
        where: { workId: work.id, retiredAt: null, ...(after ? { orderKey: { gt: after } } : {}) },
        orderBy: { orderKey: 'asc' },
        take: 1000,
        select: { id: true, orderKey: true, anchors: { select: { id: true } }, noteRefs: { select: { id: true } }, texts: { where: { language: { in: ['en', LANGUAGE] } }, select: { language: true, publishedRevision: { select: { text: true, emphasis: true } } } } },
      });
      if (rows.length < 1000) break;
      after = rows.at(-1)?.orderKey;
    }
  }
  return round((performance.now() - started) / 1000);
}

async function main() {
  if (process.argv[2] === '--child') {
    await child(process.argv[3] ?? '', process.argv[4] ?? 'epub', process.argv.includes('--memory'));
    return;
  }
  const server = await openTestServer();
  const database = await createScratchDatabase(server.url, { prefix: 'interlinear_bench' });
  process.env.DATABASE_URL = database.url;
  try {
    const sentences = await translationSentences();
    const db = getDb();
    const collection = await db.collection.create({ data: { slug: 'bench-export', title: 'Bench export' }, select: { id: true } });
    let started = performance.now();
    const smallVolume: SeededVolume = { volumeId: '', position: 0 };
    const probe = await addCopies(collection.id, smallVolume, 1, sentences);
    const copies = Math.max(1, Math.round(TARGET_SEGMENTS / probe.segments));
    const small = await addCopies(collection.id, smallVolume, copies - 1, sentences);
    const large = await addCopies(collection.id, { volumeId: '', position: 0 }, copies * SCALE, sentences);
    const seedSeconds = round((performance.now() - started) / 1000);
    started = performance.now();
    // Warm the database's cache the same way for every figure: one untimed run first.
    await inChild(small.volumeId, 'epub');
    const readSeconds = await readOnly(small.volumeId);
    const epub = await inChild(small.volumeId, 'epub');
    const html = await inChild(small.volumeId, 'html');
    const text = await inChild(small.volumeId, 'txt');
    const epubLarge = await inChild(large.volumeId, 'epub');
    const liveSmall = await inChild(small.volumeId, 'epub', { isMemoryRun: true });
    const liveLarge = await inChild(large.volumeId, 'epub', { isMemoryRun: true });
    const xliff = await inChild(small.volumeId, 'xliff');
    const xliffLarge = await inChild(large.volumeId, 'xliff');
    const xliffLiveSmall = await inChild(small.volumeId, 'xliff', { isMemoryRun: true });
    const xliffLiveLarge = await inChild(large.volumeId, 'xliff', { isMemoryRun: true });
    const figures = {
      segments_1x: small.segments,
      segments_10x: large.segments,
      scale: SCALE,
      read_only_1x_seconds: readSeconds,
      epub_1x_seconds: epub.seconds,
      epub_1x_mb: round(epub.bytes / 1024 / 1024),
      html_1x_seconds: html.seconds,
      txt_1x_seconds: text.seconds,
      epub_10x_seconds: epubLarge.seconds,
      epub_10x_mb: round(epubLarge.bytes / 1024 / 1024),
      baseline_rss_mb: epub.baselineRssMb,
      peak_rss_1x_mb: epub.peakRssMb,
      peak_rss_10x_mb: epubLarge.peakRssMb,
      live_heap_peak_1x_mb: liveSmall.liveHeapPeakMb,
      live_heap_peak_10x_mb: liveLarge.liveHeapPeakMb,
      // XLIFF 2.0 of the volume (original, Russian translation, revisions, notes: its glossary looked up per 1,000 segments).
      xliff_export_seconds: xliff.seconds,
      xliff_1x_mb: round(xliff.bytes / 1024 / 1024),
      xliff_peak_rss_1x_mb: xliff.peakRssMb,
      xliff_10x_seconds: xliffLarge.seconds,
      xliff_10x_mb: round(xliffLarge.bytes / 1024 / 1024),
      xliff_peak_rss_10x_mb: xliffLarge.peakRssMb,
      xliff_live_heap_peak_1x_mb: xliffLiveSmall.liveHeapPeakMb,
      xliff_live_heap_peak_10x_mb: xliffLiveLarge.liveHeapPeakMb,
      seed_seconds: seedSeconds,
      load_average: round(loadavg()[0] ?? 0),
    };
    console.log(`1× volume: ${small.segments} segments, en + ${LANGUAGE}; reading them alone ${readSeconds} s`);
    console.log(`  EPUB ${figures.epub_1x_seconds} s (${figures.epub_1x_mb} MB), HTML ${figures.html_1x_seconds} s, plain text ${figures.txt_1x_seconds} s`);
    console.log(`  resident memory ${figures.baseline_rss_mb} MB before, ${figures.peak_rss_1x_mb} MB at peak`);
    console.log(`${SCALE}× volume: ${large.segments} segments; EPUB ${figures.epub_10x_seconds} s (${figures.epub_10x_mb} MB), peak ${figures.peak_rss_10x_mb} MB`);
    console.log(`heap and buffers held at most (collected every 200 ms): ${figures.live_heap_peak_1x_mb} MB at 1×, ${figures.live_heap_peak_10x_mb} MB at ${SCALE}×`);
    console.log(`XLIFF: ${figures.xliff_export_seconds} s (${figures.xliff_1x_mb} MB, peak ${figures.xliff_peak_rss_1x_mb} MB) at 1×, ${figures.xliff_10x_seconds} s (${figures.xliff_10x_mb} MB, peak ${figures.xliff_peak_rss_10x_mb} MB) at ${SCALE}×; held at most ${figures.xliff_live_heap_peak_1x_mb} / ${figures.xliff_live_heap_peak_10x_mb} MB`);
    console.log(JSON.stringify(figures));
  } finally {
    await disconnectDb();
    await database.drop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

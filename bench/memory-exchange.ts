/**
 * npm run bench:memory-exchange — imports a generated TMX file of 100,000 units (`--units=N`) into
 * a collection of a scratch database, imports it again (replacing the first import), and exports
 * the collection's memory as TMX. Baselines measured in the same run: reading the file alone (no
 * database), and the database computing the same units' keys (`memory_exact_key`,
 * `memory_bands`) in one statement with nothing written. Prints a JSON line with the figures last.
 */
import { loadavg } from 'node:os';

import { SYSTEM_ACTOR } from '../lib/auth/permissions';
import { disconnectDb, getDb } from '../lib/db/client';
import { exportMemoryTmx } from '../lib/memory/export-memory-tmx';
import { importMemoryTmx } from '../lib/memory/import-memory-tmx';
import { memoryExportQuerySchema } from '../lib/memory/schemas';
import { TMX_CHUNK_BYTES, TmxReader } from '../lib/memory/tmx/tmx-reader';
import { TmxWriter } from '../lib/memory/tmx/tmx-writer';
import { createScratchDatabase, openTestServer } from '../test/helpers/db';
import { mulberry32 } from '../test/helpers/random';

const UNITS = Number(/^--units=(\d+)$/u.exec(process.argv.find((arg) => arg.startsWith('--units=')) ?? '')?.[1] ?? 100_000);

/** Made-up words (no real text is copied): a vocabulary of a few thousand, sentences of 6–24 of them. */
function sentences(count: number, alphabet: string, seed: number): string[] {
  const next = mulberry32(seed);
  const vocabulary = Array.from({ length: 6000 }, () => Array.from({ length: 2 + Math.floor(next() * 9) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 6 + Math.floor(next() * 19) }, () => vocabulary[Math.floor(next() ** 2 * vocabulary.length)]);
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  });
}

function tmxFile(sources: string[], targets: string[]): Uint8Array {
  const writer = new TmxWriter();
  const parts = [writer.start({ sourceLanguage: 'en', createdAt: new Date() })];
  for (let i = 0; i < sources.length; i += 1) {
    parts.push(
      writer.unit({
        tuid: String(i + 1),
        sourceLanguage: 'en-US',
        targetLanguage: 'ru-RU',
        sourceText: sources[i] ?? '',
        targetText: targets[i] ?? '',
        creationDate: new Date('2019-03-01T10:00:00Z'),
        changeDate: new Date('2020-04-02T11:30:00Z'),
        creationId: 'Bench Translator',
        props: [['x-project', 'bench']],
      }),
    );
  }
  parts.push(writer.end());
  return new TextEncoder().encode(parts.join(''));
}

async function main() {
  const server = await openTestServer();
  const database = await createScratchDatabase(server.url, { prefix: 'interlinear_bench' });
  process.env.DATABASE_URL = database.url;
  try {
    const sources = sentences(UNITS, 'abcdefghijklmnopqrstuvwxyz', 7);
    const targets = sentences(UNITS, 'абвгдежзиклмнопрстуфхцчшыэюя', 11);
    const bytes = tmxFile(sources, targets);
    const file = new File([bytes as Uint8Array<ArrayBuffer>], 'bench.tmx');
    const collectionId = (await getDb().collection.create({ data: { slug: 'bench', title: 'Bench' }, select: { id: true } })).id;

    let started = performance.now();
    let read = 0;
    const reader = new TmxReader({ onUnit: () => (read += 1) });
    for (let offset = 0; offset < bytes.byteLength; offset += TMX_CHUNK_BYTES) reader.write(bytes.subarray(offset, offset + TMX_CHUNK_BYTES));
    reader.end();
    const parseSeconds = (performance.now() - started) / 1000;

    // In statements of the import's batch size (one statement over all of them would outlast the statement timeout).
    started = performance.now();
    for (let offset = 0; offset < sources.length; offset += 2000) {
      const batch = sources.slice(offset, offset + 2000);
      await getDb().$queryRaw`SELECT sum(memory_exact_key(s)) AS k, sum(cardinality(memory_bands(interlinear_search_config('en'), 'en>ru', s))) AS b FROM unnest(${batch}::text[]) s`;
    }
    const keysSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    const first = await importMemoryTmx({ actor: SYSTEM_ACTOR, collectionId, file, sourceLanguage: 'en', targetLanguage: 'ru' });
    const importSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    const again = await importMemoryTmx({ actor: SYSTEM_ACTOR, collectionId, file, sourceLanguage: 'en', targetLanguage: 'ru' });
    const reimportSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    const { chunks } = await exportMemoryTmx({ actor: SYSTEM_ACTOR, input: memoryExportQuerySchema.parse({ collectionId, source: 'en', target: 'ru' }) });
    let exportedBytes = 0;
    let exportedUnits = 0;
    for await (const chunk of chunks) {
      exportedBytes += Buffer.byteLength(chunk);
      if (chunk.startsWith('    <tu ')) exportedUnits += 1;
    }
    const exportSeconds = (performance.now() - started) / 1000;

    const figures = {
      units: UNITS,
      read_units: read,
      imported: first.imported,
      skipped_duplicates: first.skipped.duplicate,
      replaced: again.replaced,
      exported_units: exportedUnits,
      file_mb: Number((bytes.byteLength / 1024 / 1024).toFixed(1)),
      parse_seconds: Number(parseSeconds.toFixed(2)),
      keys_seconds: Number(keysSeconds.toFixed(2)),
      import_seconds: Number(importSeconds.toFixed(2)),
      import_units_per_second: Math.round(first.imported / importSeconds),
      reimport_seconds: Number(reimportSeconds.toFixed(2)),
      export_seconds: Number(exportSeconds.toFixed(2)),
      export_mb: Number((exportedBytes / 1024 / 1024).toFixed(1)),
      load_average: Number(loadavg()[0]?.toFixed(2)),
    };
    console.log(`Read ${read} units (${figures.file_mb} MB) in ${figures.parse_seconds} s; the database computes their keys in ${figures.keys_seconds} s.`);
    console.log(`Imported ${first.imported} in ${figures.import_seconds} s (${figures.import_units_per_second}/s), again (replacing ${again.replaced}) in ${figures.reimport_seconds} s.`);
    console.log(`Exported ${exportedUnits} units (${figures.export_mb} MB) in ${figures.export_seconds} s. Load average ${figures.load_average}.`);
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

/**
 * npm run import -- FILE --lang en --title "…" [--collection "…"] [--author …] [--date …]
 *                        [--source-edition …] [--provenance …] [--licence …] [--json]
 * Imports a .txt/.md file as a new work. With --json, prints the summary as JSON on stdout.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { finishCli, openCliDatabase } from './cli-database';
import { SYSTEM_ACTOR } from '../lib/auth/permissions';
import { formatBytes, MAX_UPLOAD_BYTES } from '../lib/config/limits';
import { disconnectDb } from '../lib/db/client';
import { AppError } from '../lib/errors/app-error';
import { importWork } from '../lib/import/import-work';

const USAGE = 'Usage: npm run import -- FILE --lang en --title "Title" [--collection "Name"] [--author …] [--date …] [--source-edition …] [--provenance …] [--licence …] [--json]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      lang: { type: 'string' }, title: { type: 'string' }, collection: { type: 'string', default: 'Library' },
      author: { type: 'string' }, date: { type: 'string' }, 'source-edition': { type: 'string' }, provenance: { type: 'string' },
      licence: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (values.help || !file || !values.lang) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError('NOT_FOUND', `No such file: ${file}`);
  if (info.size > MAX_UPLOAD_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `The file is ${formatBytes(info.size)}; the limit is ${formatBytes(MAX_UPLOAD_BYTES)}.`);
  const database = await openCliDatabase();
  try {
    const summary = await importWork({
      actor: SYSTEM_ACTOR,
      file: { name: path.basename(file), bytes: await readFile(file) },
      collection: { title: values.collection },
      metadata: {
        title: values.title ?? path.basename(file).replace(/\.[^.]+$/, ''),
        language: values.lang,
        author: values.author, dateText: values.date, sourceEdition: values['source-edition'], provenance: values.provenance, licence: values.licence,
      },
    });
    if (values.json) {
      console.log(JSON.stringify(summary));
    } else {
      const { counts } = summary;
      console.log(`Imported “${summary.title}” as work ${summary.workId}`);
      console.log(`  ${counts.heading} headings, ${counts.paragraph} paragraphs, ${counts.sentence} sentences, ${counts.footnote} footnotes, ${summary.pageAnchors.length} page anchors`);
    }
    return 0;
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

main().then(finishCli, (error: unknown) => {
  console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  finishCli(1);
});

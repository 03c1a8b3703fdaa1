/**
 * npm run export -- ID --format epub|html|txt|md|jsonl|xliff|xliff12|tmx [--lang xx] [--with yy]
 *   [--layout side-by-side|alternating|original-after-chapter] [--volume] [--out FILE]
 *
 * Writes a work (or, with --volume, the volume it was printed in — ID may also be the volume's
 * own id) in the format asked, to FILE or to stdout, streamed as it is read. `--with` adds a
 * second language; `--layout` lays the two out (EPUB and HTML). JSON Lines is the work's data:
 * the work on the first line, then one segment per line. XLIFF (2.0; `xliff12`: 1.2) and TMX
 * hold the original beside one translation: `--lang` is the translation's language. Exit codes:
 * 0 written, 1 failed (an unknown work, a language it is not read in), 2 usage.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';

import { finishCli, openCliDatabase } from './cli-database';
import { SYSTEM_ACTOR } from '../lib/auth/permissions';
import { disconnectDb } from '../lib/db/client';
import { isUuid } from '../lib/db/uuid';
import { AppError } from '../lib/errors/app-error';
import { createDownload } from '../lib/export/create-download';
import type { ExportTarget } from '../lib/export/load-export-plan';
import { BILINGUAL_LAYOUTS, DOWNLOAD_FORMATS, downloadQuerySchema } from '../lib/export/schemas';
import { getWorkDetails } from '../lib/reader/get-work-overview';

const USAGE = `Usage: npm run export -- ID --format ${DOWNLOAD_FORMATS.join('|')} [--lang xx] [--with yy] [--layout ${BILINGUAL_LAYOUTS.join('|')}] [--volume] [--out FILE]`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'jsonl' },
        lang: { type: 'string' },
        with: { type: 'string' },
        layout: { type: 'string' },
        volume: { type: 'boolean', default: false },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const id = positionals[0];
  const format = values.format.trim().toLowerCase();
  if (!id || positionals.length > 1 || !(DOWNLOAD_FORMATS as readonly string[]).includes(format)) {
    console.error(USAGE);
    return 2;
  }
  const query = downloadQuerySchema.safeParse({ format, lang: values.lang, with: values.with, layout: values.layout });
  if (!query.success) {
    console.error(`${query.error.issues[0]?.message ?? 'Invalid options.'}\n${USAGE}`);
    return 2;
  }

  const database = await openCliDatabase(() => undefined);
  try {
    const target = values.volume ? await volumeTarget(id) : ({ kind: 'work', workId: id } satisfies ExportTarget);
    const download = await createDownload({ actor: SYSTEM_ACTOR, target, query: query.data });
    if (values.out) {
      await pipeline(Readable.from(download.body), createWriteStream(values.out));
      console.error(`Wrote ${values.out}`);
    } else {
      for await (const chunk of download.body) {
        if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
      }
    }
    return 0;
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

/** The volume to write: the one a work was printed in, or the volume whose id was given. */
async function volumeTarget(id: string): Promise<ExportTarget> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND', 'volume.notFound');
  const work = await getWorkDetails({ actor: SYSTEM_ACTOR, workId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (work && !work.volume) throw new AppError('INVALID_INPUT', 'verbatim', { values: { text: 'This work was not printed in a volume: leave out --volume.' } });
  return { kind: 'volume', volumeId: work?.volume?.id ?? id };
}

main().then(finishCli, (error: unknown) => {
  console.error(`export failed: ${error instanceof Error ? error.message : String(error)}`);
  finishCli(1);
});

/**
 * npm run import -- FILE --lang en --title "…" [--collection "…"] [--author …] [--date …]
 *                        [--source-edition …] [--provenance …] [--licence …] [--json]
 *                        [--translation FILE2 --translation-lang fr [translation options]]
 * npm run import -- FILE --lang fr --translation-of WORK_ID [translation options] [--json]
 * npm run import -- --reimport WORK_ID [--no-cleanup | --no-RULE …] [--dry-run] [--json]
 *   translation options: --translator "…" --edition "…" --year 1954 --translated-from ru
 *   --split: a volume of several works becomes one work per item of its table of contents; an
 *     anthology without contents, one work per piece (with its author, date, source and tags)
 *   without --title, the title is the text's own (its first heading set apart, in a volume before
 *   its contents), else the file's name made readable
 *   cleanup (plain text; on by default): --no-cleanup, or --no-RULE for one rule
 *     (RULE: web-boilerplate, ellipses, charset-punctuation, letter-spacing, inline-page-markers,
 *      running-headers, page-numbers, dehyphenation, line-joins, quotation-marks, footnote-markers,
 *      and the structure rules lists, block-quotes, speaker-turns)
 *
 * Imports a .txt/.md file as a new work, or as a translation aligned to an existing work, or both
 * at once (an original and its translation). With --reimport, runs the import of a work again on
 * its original upload with other cleanup choices, as new revisions (--dry-run: only report). With
 * --json, prints the summary as JSON on stdout.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { finishCli, openCliDatabase } from './cli-database';
import { SYSTEM_ACTOR } from '../lib/auth/permissions';
import { runCleanup } from '../lib/cleanup';
import { CLEANUP_RULE_IDS } from '../lib/cleanup/rule-ids';
import { MAX_UPLOAD_BYTES } from '../lib/config/limits';
import { disconnectDb } from '../lib/db/client';
import { AppError } from '../lib/errors/app-error';
import { errorText, sizeInBytes } from '../lib/errors/error-text';
import { defaultTitle, defaultTitleOf, titleFromFilename } from '../lib/import/default-title';
import { importAlignedTranslation, type AlignedTranslationSummary } from '../lib/import/import-aligned-translation';
import { importVolume } from '../lib/import/import-volume';
import { importWork } from '../lib/import/import-work';
import { isCleanupOn, type CleanupChoice } from '../lib/import/prepare-text';
import { cleanupFormatOf, readUploadText } from '../lib/import/read-upload-text';
import { reimportWork, type ReimportSummary } from '../lib/import/reimport-work';

const USAGE = `Usage: npm run import -- FILE --lang en [--title "Title"] [--collection "Name"] [--author …] [--date …] [--source-edition …] [--provenance …] [--licence …] [--json]
         [--split] [--no-cleanup | --no-RULE …] (RULE: ${CLEANUP_RULE_IDS.join(', ')})
         [--translation FILE --translation-lang fr] [--translator …] [--edition …] [--year …] [--translated-from …]
       npm run import -- FILE --lang fr --translation-of WORK_ID [--translator …] [--edition …] [--year …] [--translated-from …] [--json]
       npm run import -- --reimport WORK_ID [--no-cleanup | --no-RULE …] [--dry-run] [--json]`;

/**
 * The title of an upload imported without `--title`, as the import form offers it: the text's own
 * title after the cleanup chosen, else the file's name made readable (a Word document, read only
 * in the parse worker, or a file that cannot be read, gets the latter).
 */
function titleOfUpload(name: string, bytes: Uint8Array, cleanup: CleanupChoice): string {
  try {
    const upload = readUploadText({ bytes, filename: name });
    if (!isCleanupOn(cleanup, upload.format)) return defaultTitle(upload.text, name);
    return defaultTitleOf(runCleanup(upload.text, { enabled: cleanup.rules, format: cleanupFormatOf(upload.format) }), name);
  } catch {
    return titleFromFilename(name);
  }
}

async function readUpload(file: string): Promise<{ name: string; bytes: Uint8Array }> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError('NOT_FOUND', 'verbatim', { values: { text: `No such file: ${file}` } });
  if (info.size > MAX_UPLOAD_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'verbatim', { values: { text: `${file}: ${errorText('file.tooLarge', { size: sizeInBytes(info.size), limit: sizeInBytes(MAX_UPLOAD_BYTES) })}` } });
  return { name: path.basename(file), bytes: await readFile(file) };
}

function describeAlignment(summary: AlignedTranslationSummary): string {
  const shapes = Object.entries(summary.beadTypes).sort(([, a], [, b]) => b - a).map(([shape, count]) => `${count}× ${shape}`).join(', ');
  return `Aligned the “${summary.language}” translation (${summary.targetSentences} sentences): ${shapes}; mean confidence ${summary.meanScore}, ${summary.lowConfidence} pairs to check`;
}

function describeReimport(summary: ReimportSummary): string {
  const { counts } = summary;
  return [
    `${summary.isDryRun ? 'Dry run: would re-import' : 'Re-imported'} work ${summary.workId}`,
    `  ${counts.changed} texts changed (CLEANUP revisions), ${counts.inserted} new segments, ${counts.unchanged} unchanged`,
    `  ${counts.retired} segments retired (no longer in the text), ${counts.restored} restored`,
    `  ${counts.unmatchedOld} edited segments without a counterpart (kept), ${counts.keptEdited} edited texts kept, ${counts.conflicts} conflicts`,
    ...summary.cleanup.map((line) => `    ${line.ruleId}: ${line.summary}`),
  ].join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      lang: { type: 'string' }, title: { type: 'string' }, collection: { type: 'string', default: 'Library' },
      author: { type: 'string' }, date: { type: 'string' }, 'source-edition': { type: 'string' }, provenance: { type: 'string' },
      licence: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
      'translation-of': { type: 'string' }, translation: { type: 'string' }, 'translation-lang': { type: 'string' },
      translator: { type: 'string' }, edition: { type: 'string' }, year: { type: 'string' }, 'translated-from': { type: 'string' },
      'no-cleanup': { type: 'boolean', default: false },
      split: { type: 'boolean', default: false },
      reimport: { type: 'string' }, 'dry-run': { type: 'boolean', default: false },
      ...Object.fromEntries(CLEANUP_RULE_IDS.map((id) => [`no-${id}`, { type: 'boolean' as const, default: false }])),
    },
  });
  const flags = values as Record<string, string | boolean | undefined>;
  const cleanup = {
    ...(values['no-cleanup'] ? { isEnabled: false } : {}),
    rules: Object.fromEntries(CLEANUP_RULE_IDS.filter((id) => flags[`no-${id}`] === true).map((id) => [id, false])),
  };
  if (values.reimport) {
    const database = await openCliDatabase();
    try {
      const summary = await reimportWork({ actor: SYSTEM_ACTOR, workId: values.reimport, rules: cleanup, dryRun: values['dry-run'] });
      console.log(values.json ? JSON.stringify(summary) : describeReimport(summary));
      return 0;
    } finally {
      await disconnectDb();
      await database.stop();
    }
  }
  const file = positionals[0];
  if (values.help || !file || !values.lang || (values.translation && !values['translation-lang'])) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const provenanceOf = (language: string) => ({ language, translator: values.translator, edition: values.edition, publishedYear: values.year, translatedFrom: values['translated-from'] });
  const upload = await readUpload(file);
  const translationUpload = values.translation ? await readUpload(values.translation) : null;
  const database = await openCliDatabase();
  try {
    if (values['translation-of']) {
      const aligned = await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId: values['translation-of'], file: upload, provenance: provenanceOf(values.lang) });
      console.log(values.json ? JSON.stringify(aligned) : describeAlignment(aligned));
      return 0;
    }
    const metadata = {
      title: values.title ?? titleOfUpload(upload.name, upload.bytes, cleanup),
      language: values.lang,
      author: values.author, dateText: values.date, sourceEdition: values['source-edition'], provenance: values.provenance, licence: values.licence,
    };
    if (values.split) {
      const volume = await importVolume({
        actor: SYSTEM_ACTOR,
        file: upload,
        collection: { title: values.collection },
        metadata,
        cleanup,
      });
      if (values.json) {
        console.log(JSON.stringify(volume));
      } else {
        console.log(`Imported ${volume.works.length} works (read as ${volume.encoding}), split by ${volume.splitBy === 'anthology' ? 'the pieces of an anthology' : 'the table of contents'}:`);
        for (const work of volume.works) {
          const place = volume.splitBy === 'anthology' ? [work.author, work.dateText].filter(Boolean).join(', ') : `p. ${work.firstPage ?? '?'}`;
          console.log(`  ${work.workId}  ${place}  ${work.title}${work.kind === 'work' ? '' : ` (${work.kind})`}`);
          if (work.sourceUrl) console.log(`      ${work.sourceUrl}`);
        }
        for (const line of volume.cleanup) console.log(`  cleanup ${line.ruleId}: ${line.summary}`);
      }
      return 0;
    }
    const summary = await importWork({
      actor: SYSTEM_ACTOR,
      file: upload,
      collection: { title: values.collection },
      metadata,
      cleanup,
    });
    const translation = translationUpload
      ? await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId: summary.workId, file: translationUpload, provenance: provenanceOf(values['translation-lang'] as string) })
      : null;
    if (values.json) {
      console.log(JSON.stringify(translation ? { ...summary, translation } : summary));
    } else {
      const { counts } = summary;
      console.log(`Imported “${summary.title}” as work ${summary.workId}`);
      console.log(`  ${counts.heading} headings, ${counts.paragraph} paragraphs, ${counts.sentence} sentences, ${counts.footnote} footnotes, ${summary.pageAnchors.length} page anchors`);
      console.log(`  read as ${summary.encoding}${summary.cleanup.length ? '; cleanup:' : '; no cleanup'}`);
      for (const line of summary.cleanup) console.log(`    ${line.ruleId}: ${line.summary}`);
      if (translation) console.log(describeAlignment(translation));
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

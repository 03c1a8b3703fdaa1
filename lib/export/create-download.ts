import 'server-only';

import { CONTENT_TYPES, downloadFileNames, encodeUtf8, type Download } from './download-file';
import { exportEpub } from './epub/export-epub';
import { loadExportPlan, type ExportTarget } from './load-export-plan';
import { readExportBlocks } from './read-export-blocks';
import { readExternalNotes } from './read-external-notes';
import { parseDownloadChoice, TRANSLATION_FORMATS, type DownloadFormat, type DownloadQuery } from './schemas';
import { writeMarkdown } from './text/write-markdown';
import { writePlainText } from './text/write-plain-text';
import type { BlockSource, ExportPlan } from './types';
import { writeHtmlDocument } from './xhtml/write-html-document';
import { writeWorkTmx, writeXliff } from './xliff/write-translation-files';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';
import { exportWorkJsonl } from '../reader/export-work-jsonl';
import { getWorkDetails } from '../reader/get-work-overview';

/** Blocks of a long chapter per EPUB file at most (reading systems open one file at a time). */
export const EPUB_BLOCKS_PER_FILE = 250;

export interface CreateDownloadOptions {
  actor: Actor;
  target: ExportTarget;
  query: DownloadQuery;
  db?: Db;
}

/**
 * A work or a volume (its works in printed order) as a file to download: EPUB, one HTML page,
 * plain text or Markdown, in one language or two (with the layout chosen), or a work's data as
 * JSON Lines. Only published texts of live segments are written. Everything that can fail for
 * the asker fails here, before the first byte (UNSUPPORTED_FORMAT, INVALID_INPUT, NOT_FOUND,
 * FORBIDDEN); the body is then written as it is read, in flat memory.
 */
export async function createDownload({ actor, target, query, db = getDb() }: CreateDownloadOptions): Promise<Download> {
  const choice = parseDownloadChoice(query);
  if (choice.format === 'jsonl') {
    if (target.kind !== 'work') throw new AppError('INVALID_INPUT', 'export.jsonlOneWork');
    assertCan(actor, 'work.export');
    // Read now (once: the first line is written from them), so that an unknown work is an error answer, not a broken stream.
    const work = await getWorkDetails({ actor, workId: target.workId, db });
    const lines = exportWorkJsonl({ actor, workId: target.workId, details: work, db });
    return {
      ...downloadFileNames({ title: work.title, languages: [], asciiStem: work.slug, format: 'jsonl' }),
      contentType: CONTENT_TYPES.jsonl,
      body: encodeUtf8(lines),
    };
  }
  if (TRANSLATION_FORMATS.includes(choice.format)) return createTranslationDownload({ actor, target, format: choice.format, lang: choice.lang, db });
  const plan = await loadExportPlan({ actor, target, lang: choice.lang, with: choice.with, blocksPerFile: choice.format === 'epub' ? EPUB_BLOCKS_PER_FILE : 0, db });
  const names = downloadFileNames({ title: plan.title, languages: plan.languages, asciiStem: plan.fileStem, format: choice.format });
  const source = databaseBlockSource(db, plan);
  const layout = plan.languages.length > 1 ? choice.layout : 'alternating';
  if (choice.format === 'epub') return { ...names, contentType: CONTENT_TYPES.epub, body: exportEpub({ plan, layout, source }) };
  const pieces =
    choice.format === 'html' ? writeHtmlDocument({ plan, layout, source })
    : choice.format === 'md' ? writeMarkdown({ plan, source })
    : writePlainText({ plan, source });
  return { ...names, contentType: CONTENT_TYPES[choice.format], body: encodeUtf8(pieces) };
}

/**
 * XLIFF (2.0 or 1.2) or TMX of a work or volume: the original beside the translation `lang`
 * (the text's only translation when absent). Checked before the first byte like the others.
 */
async function createTranslationDownload({ actor, target, format, lang, db }: { actor: Actor; target: ExportTarget; format: DownloadFormat; lang: string | undefined; db: Db }): Promise<Download> {
  let targetLanguage = lang;
  if (targetLanguage === undefined) {
    // Read once to learn the translations; the plan below checks the one chosen.
    const languages = await translationLanguagesOf(db, target);
    if (languages.length !== 1) {
      const details = { lang: fieldMessage('field.chooseTranslation') };
      if (languages.length === 0) throw new AppError('INVALID_INPUT', 'export.noTranslation', { details });
      throw new AppError('INVALID_INPUT', 'export.chooseTranslation', { values: { languages: languages.join(', ') }, details });
    }
    targetLanguage = languages[0];
  }
  const plan = await loadExportPlan({ actor, target, with: targetLanguage, db });
  const translation = plan.languages[1];
  if (translation === undefined || translation === plan.sourceLanguage) {
    throw new AppError('INVALID_INPUT', 'export.originalNotTranslation', { values: { targetLanguage: targetLanguage ?? '' }, details: { lang: fieldMessage('field.chooseTranslationNotOriginal') } });
  }
  const names = downloadFileNames({ title: plan.title, languages: plan.languages, asciiStem: plan.fileStem, format });
  const pieces = format === 'tmx' ? writeWorkTmx({ db, plan, targetLanguage: translation }) : writeXliff({ db, plan, targetLanguage: translation, version: format === 'xliff12' ? '1.2' : '2.0' });
  return { ...names, contentType: CONTENT_TYPES[format], body: encodeUtf8(pieces) };
}

/** The translations (not the original) a work, or a volume's works, are read in. */
async function translationLanguagesOf(db: Db, target: ExportTarget): Promise<string[]> {
  const where = target.kind === 'work' ? { workId: target.workId } : { work: { volumeId: target.volumeId } };
  if (!isUuid(target.kind === 'work' ? target.workId : target.volumeId)) throw new AppError('NOT_FOUND', 'export.notFound', { values: { kind: target.kind } });
  const rows = await db.workLanguage.findMany({ where, distinct: ['language'], orderBy: { language: 'asc' }, select: { language: true, work: { select: { sourceLanguage: true } } } });
  return rows.filter((row) => row.language !== row.work.sourceLanguage).map((row) => row.language);
}

/** The blocks of the plan's works and of the notes they refer to, read from the database as they are written. */
export function databaseBlockSource(db: Db, plan: ExportPlan): BlockSource {
  return {
    blocks: ({ work, ...options }) => readExportBlocks({ db, plan, work, ...options }),
    externalNotes: () => readExternalNotes({ db, plan }),
  };
}

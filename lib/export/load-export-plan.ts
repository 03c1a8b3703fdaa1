import 'server-only';

import { chapterStartsOf } from './chapter-starts';
import { chooseText } from './choose-text';
import { findTranslators } from './find-translators';
import { runsText, buildRuns } from './inline-runs';
import type { ExportPlan, PlanWork, TocHeading } from './types';
import { assertCan, type Actor } from '../auth/permissions';
import { liveSegment, liveSegmentSql } from '../auth/scope';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';
import { slugify } from '../library/slugify';

/** What is downloaded: one work, or a volume's works in printed order. */
export type ExportTarget = { kind: 'work'; workId: string } | { kind: 'volume'; volumeId: string };

export interface LoadExportPlanOptions {
  actor: Actor;
  target: ExportTarget;
  /** The main language (the original's when absent) and a second one for a bilingual download. */
  lang?: string | undefined;
  with?: string | undefined;
  /**
   * Blocks per EPUB file at most before a long chapter is cut into another file (0: no cuts, for
   * formats written as one document).
   */
  blocksPerFile?: number;
  db?: Db;
}

const WORK_FIELDS = {
  id: true, slug: true, title: true, author: true, dateText: true, sourceLanguage: true, sourceEdition: true, provenance: true, sourceUrl: true, licence: true, updatedAt: true,
  collection: { select: { id: true, title: true } },
  languages: { select: { language: true } },
} as const;

/**
 * Everything a download needs before its first block: the work's or volume's record, the
 * languages checked against those it is read in, translators, the newest change, where each
 * work's chapters (and, for EPUB, files) begin, the table of contents and where the notes are.
 * Reads headings and notes only (a few per page), never the whole text. Throws NOT_FOUND, and
 * INVALID_INPUT for a language the work is not read in.
 */
export async function loadExportPlan({ actor, target, lang, with: second, blocksPerFile = 0, db = getDb() }: LoadExportPlanOptions): Promise<ExportPlan> {
  assertCan(actor, 'work.export');
  const loaded = target.kind === 'work' ? await loadWork(db, target.workId) : await loadVolume(db, target.volumeId);
  const { record, works } = loaded;
  const first = works[0];
  if (!first) throw new AppError('NOT_FOUND', 'export.emptyVolume');
  const sourceLanguage = first.sourceLanguage;
  const available = [...new Set(works.flatMap((work) => [work.sourceLanguage, ...work.languages.map((entry) => entry.language)]))];
  const main = lang ?? sourceLanguage;
  for (const [field, language] of [['lang', main], ['with', second]] as const) {
    if (language !== undefined && !available.includes(language)) {
      throw new AppError('INVALID_INPUT', 'export.languageNotRead', { values: { kind: target.kind, language, available: available.join(', ') }, details: { [field]: fieldMessage('field.notLanguageOfText') } });
    }
  }
  const languages = second === undefined ? [main] : [main, second];
  const isFallbackToSource = !languages.includes(sourceLanguage);
  const workIds = works.map((work) => work.id);

  const [toc, notes, externalNotes, translators, modified] = await Promise.all([
    findHeadings(db, workIds, languages, isFallbackToSource ? sourceLanguage : null),
    findNotes(db, workIds, languages, isFallbackToSource ? sourceLanguage : null),
    findExternalNotes(db, workIds, record.collection.id, languages, isFallbackToSource ? sourceLanguage : null),
    findTranslators({ db, workIds, languages: languages.filter((language) => language !== sourceLanguage), credited: works.flatMap((work) => work.languages) }),
    findModified(db, workIds, [...new Set([...languages, sourceLanguage])], works.map((work) => work.updatedAt)),
  ]);

  const firstBlocks = await findFirstBlocks(db, workIds);
  const chapterStarts = new Map(
    works.map((work) => [
      work.id,
      // A chapter beginning at the work's first block is the stretch the work begins with anyway.
      chapterStartsOf(toc.all.filter((heading) => heading.workId === work.id)).filter((key) => key !== firstBlocks.get(work.id)),
    ]),
  );
  const fileBreaks = blocksPerFile > 0 ? await findFileBreaks(db, chapterStarts, blocksPerFile) : new Map<string, string[]>();
  const planWorks: PlanWork[] = works.map((work) => ({
    id: work.id, title: work.title, author: work.author, dateText: work.dateText, sourceLanguage: work.sourceLanguage, sourceEdition: work.sourceEdition,
    chapterStarts: chapterStarts.get(work.id) ?? [],
    fileBreaks: fileBreaks.get(work.id) ?? [],
  }));
  const stem = [slugify(record.slugSource, 60), ...languages.map((language) => language.toLowerCase())].join('.');
  return {
    kind: target.kind,
    id: record.id,
    title: record.title,
    author: record.author,
    dateText: record.dateText,
    sourceEdition: record.sourceEdition,
    provenance: record.provenance,
    sourceUrl: record.sourceUrl,
    licence: record.licence,
    collection: record.collection,
    fileStem: stem.replace(/[^a-z0-9.-]/g, '-'),
    languages,
    sourceLanguage,
    isFallbackToSource,
    translators,
    modified,
    works: planWorks,
    toc: toc.listed,
    notes,
    externalNotes,
  };
}

interface LoadedWork {
  id: string; slug: string; title: string; author: string; dateText: string; sourceLanguage: string; sourceEdition: string; provenance: string; sourceUrl: string; licence: string; updatedAt: Date;
  collection: { id: string; title: string };
  languages: { language: string }[];
}

interface LoadedTarget {
  record: Pick<ExportPlan, 'id' | 'title' | 'author' | 'dateText' | 'sourceEdition' | 'provenance' | 'sourceUrl' | 'licence' | 'collection'> & { slugSource: string };
  works: (LoadedWork & { languages: { language: string; translator: string }[] })[];
}

const LANGUAGE_FIELDS = { select: { language: true, translator: true }, orderBy: { language: 'asc' } } as const;

async function loadWork(db: Db, workId: string): Promise<LoadedTarget> {
  const work = isUuid(workId) ? await db.work.findUnique({ where: { id: workId }, select: { ...WORK_FIELDS, languages: LANGUAGE_FIELDS } }) : null;
  if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
  return { record: { ...work, slugSource: work.slug }, works: [work] };
}

async function loadVolume(db: Db, volumeId: string): Promise<LoadedTarget> {
  const volume = isUuid(volumeId)
    ? await db.volume.findUnique({
        where: { id: volumeId },
        select: {
          id: true, title: true, author: true, dateText: true, sourceEdition: true,
          collection: { select: { id: true, title: true } },
          works: { orderBy: { volumePosition: 'asc' }, select: { ...WORK_FIELDS, languages: LANGUAGE_FIELDS } },
        },
      })
    : null;
  if (!volume) throw new AppError('NOT_FOUND', 'volume.notFound');
  // A volume's licence and provenance are its works' when they all agree.
  const shared = (pick: (work: LoadedWork) => string) => {
    const values = new Set(volume.works.map(pick));
    return values.size === 1 ? ([...values][0] ?? '') : '';
  };
  return {
    record: {
      id: volume.id, title: volume.title, author: volume.author, dateText: volume.dateText, sourceEdition: volume.sourceEdition || volume.title,
      provenance: shared((work) => work.provenance), sourceUrl: '', licence: shared((work) => work.licence), collection: volume.collection, slugSource: volume.title,
    },
    works: volume.works,
  };
}

/**
 * The works' headings: all of them (chapters begin at some), and those listed in the table of
 * contents — the ones written, with the text they are written with in the main language (or the
 * next one that has it).
 */
async function findHeadings(db: Db, workIds: string[], languages: string[], fallback: string | null): Promise<{ all: (TocHeading & { hasText: boolean })[]; listed: TocHeading[] }> {
  const rows = await db.segment.findMany({
    where: { workId: { in: workIds }, kind: 'HEADING', ...liveSegment },
    orderBy: { orderKey: 'asc' },
    select: {
      id: true, workId: true, orderKey: true, level: true,
      texts: { where: { language: { in: fallback ? [...languages, fallback] : languages } }, select: { language: true, continuesPrevious: true, publishedRevision: { select: { text: true, emphasis: true } } } },
    },
  });
  const order = new Map(workIds.map((id, index) => [id, index]));
  rows.sort((a, b) => (order.get(a.workId) ?? 0) - (order.get(b.workId) ?? 0) || (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0));
  const all = rows.map((row) => {
    const chosen = languages.map((language) => chooseText(row.texts, language, fallback)).find((text) => text !== null) ?? null;
    const text = chosen ? runsText(buildRuns(chosen.text, [], [])).replace(/\s+/gu, ' ').trim() : '';
    return { segmentId: row.id, workId: row.workId, orderKey: row.orderKey, level: Math.max(row.level, 1), text, hasText: chosen !== null };
  });
  return { all, listed: all.filter((heading) => heading.hasText).map(({ hasText: _, ...heading }) => heading) };
}

/** The notes of the works that are written (they have a text in a language written), by id. */
async function findNotes(db: Db, workIds: string[], languages: string[], fallback: string | null): Promise<ExportPlan['notes']> {
  const rows = await db.segment.findMany({
    where: { workId: { in: workIds }, kind: 'FOOTNOTE', ...liveSegment },
    select: {
      id: true, workId: true, orderKey: true,
      texts: { where: { language: { in: fallback ? [...languages, fallback] : languages } }, select: { language: true, continuesPrevious: true, publishedRevision: { select: { text: true, emphasis: true } } } },
    },
  });
  return new Map(rows.filter((row) => languages.some((language) => chooseText(row.texts, language, fallback) !== null)).map((row) => [row.id, { workId: row.workId, orderKey: row.orderKey }]));
}

/**
 * Notes of the collection outside the downloaded works that they refer to (a volume's notes, for
 * one of its works): written after the text, in the order of their volume.
 */
async function findExternalNotes(db: Db, workIds: string[], collectionId: string, languages: string[], fallback: string | null): Promise<string[]> {
  const rows = await db.footnoteRef.findMany({
    where: { segment: { workId: { in: workIds }, ...liveSegment }, footnote: { ...liveSegment, workId: { notIn: workIds }, work: { collectionId } } },
    distinct: ['footnoteId'],
    select: {
      footnoteId: true,
      footnote: {
        select: {
          orderKey: true,
          work: { select: { volumePosition: true, id: true } },
          texts: { where: { language: { in: fallback ? [...languages, fallback] : languages } }, select: { language: true, continuesPrevious: true, publishedRevision: { select: { text: true, emphasis: true } } } },
        },
      },
    },
  });
  return rows
    .filter((row) => languages.some((language) => chooseText(row.footnote.texts, language, fallback) !== null))
    .sort((a, b) => (a.footnote.work.volumePosition ?? 0) - (b.footnote.work.volumePosition ?? 0) || a.footnote.work.id.localeCompare(b.footnote.work.id) || (a.footnote.orderKey < b.footnote.orderKey ? -1 : 1))
    .map((row) => row.footnoteId);
}

/** The newest change of what is downloaded: its works' records and the published texts of the languages written. */
async function findModified(db: Db, workIds: string[], languages: string[], updated: Date[]): Promise<Date> {
  const [row] = await db.$queryRaw<{ latest: Date | null }[]>`
    SELECT max(r.created_at) AS latest
      FROM segment s
      JOIN segment_text t ON t.segment_id = s.id
      JOIN revision r ON r.id = t.published_revision_id
     WHERE s.work_id = ANY(${workIds}::uuid[]) AND ${liveSegmentSql('s')} AND t.language = ANY(${languages}::text[])`;
  const times = [...updated.map((date) => date.getTime()), row?.latest?.getTime() ?? 0];
  return new Date(Math.max(...times));
}

/** The order key of each work's first live segment. */
async function findFirstBlocks(db: Db, workIds: string[]): Promise<Map<string, string>> {
  const rows = await db.$queryRaw<{ work_id: string; order_key: string }[]>`
    SELECT DISTINCT ON (s.work_id) s.work_id, s.order_key
      FROM segment s
     WHERE s.work_id = ANY(${workIds}::uuid[]) AND ${liveSegmentSql('s')}
     ORDER BY s.work_id, s.order_key`;
  return new Map(rows.map((row) => [row.work_id, row.order_key]));
}

/**
 * Where a long chapter is cut into another file: every `blocksPerFile`-th block (heading,
 * paragraph, note) of a chapter after its first, for every work at once, counted in the database
 * without reading a text.
 */
async function findFileBreaks(db: Db, chapterStarts: Map<string, string[]>, blocksPerFile: number): Promise<Map<string, string[]>> {
  const starts = [...chapterStarts].flatMap(([workId, keys]) => keys.map((key) => [workId, key] as const));
  const rows = await db.$queryRaw<{ work_id: string; order_key: string }[]>`
    WITH starts AS (
      SELECT * FROM unnest(${starts.map(([workId]) => workId)}::uuid[], ${starts.map(([, key]) => key)}::text[]) AS t(work_id, order_key)
    ), blocks AS (
      SELECT s.work_id, s.order_key, (EXISTS (SELECT 1 FROM starts WHERE starts.work_id = s.work_id AND starts.order_key = s.order_key))::int AS is_start
        FROM segment s
       WHERE s.work_id = ANY(${[...chapterStarts.keys()]}::uuid[]) AND ${liveSegmentSql('s')} AND (s.kind <> 'SENTENCE' OR s.parent_id IS NULL)
    ), chapters AS (
      SELECT work_id, order_key, sum(is_start) OVER (PARTITION BY work_id ORDER BY order_key) AS chapter FROM blocks
    ), numbered AS (
      SELECT work_id, order_key, row_number() OVER (PARTITION BY work_id, chapter ORDER BY order_key) AS n FROM chapters
    )
    SELECT work_id, order_key FROM numbered WHERE n > 1 AND n % ${blocksPerFile}::int = 1 ORDER BY work_id, order_key`;
  const breaks = new Map<string, string[]>();
  for (const row of rows) {
    const keys = breaks.get(row.work_id) ?? [];
    keys.push(row.order_key);
    breaks.set(row.work_id, keys);
  }
  return breaks;
}

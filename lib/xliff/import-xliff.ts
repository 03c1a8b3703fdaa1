import 'server-only';

import { MAX_LISTED_SKIPS, type XliffImportReport, type XliffSkipReason } from './types';
import { XliffReader, type XliffReading } from './xliff-reader';
import { assertCan, type Actor } from '../auth/permissions';
import { MAX_XLIFF_BYTES, MAX_XLIFF_SUGGESTIONS } from '../config/limits';
import { getDb, type Db } from '../db/client';
import { isUuid } from '../db/uuid';
import { AppError } from '../errors/app-error';
import { sizeInBytes } from '../errors/error-text';
import { localizedMessage } from '../errors/localize-error';
import { NO_REVISION, normalisedText } from '../export/xliff/xliff-vocabulary';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { primaryLanguage } from '../memory/tmx/primary-language';
import { createSuggestion } from '../review/create-suggestion';
import { proposalKey } from '../review/declined-suggestions';
import { decodeXmlFile } from '../segment/decode-xml-file';
import { xmlSafeText } from '../segment/xml-safe-text';

/** Characters of a file's text parsed at once, between two turns of the event loop. */
const SLICE_CHARS = 64 * 1024;
/** Rows looked up per query. */
const LOOKUP_BATCH = 1000;

/** The file as uploaded: a `File`, or anything with its size and bytes. */
export type XliffUpload = Pick<File, 'size' | 'arrayBuffer'>;

interface Candidate {
  unitId: string;
  segmentId: string;
  text: string;
  baseRevisionId: string | null;
}

/**
 * Imports an XLIFF file (2.0 or 1.2) a translator's tool edited, for one work: every unit whose
 * target differs from the target it was exported with (compared with white space runs as one
 * space) becomes a suggestion by the importer, through `createSuggestion` (its permission,
 * checks, limits and audit event) — never a published text. Each is based on the revision the
 * unit was exported from (its `target-revision`), so a text published since shows as a conflict
 * in review. Unchanged units, and units already waiting for review as they are (the same file
 * imported again), make nothing. Units of another work, of no segment, retired since, without the
 * revision metadata, whose translation is part of the previous segment's, and those a check of
 * `createSuggestion` refuses are skipped with their reason (a refusal worded in `locale`). At most {@link MAX_XLIFF_SUGGESTIONS}
 * suggestions per import (import again for the rest). Throws NOT_FOUND, FORBIDDEN,
 * PAYLOAD_TOO_LARGE, UNSUPPORTED_ENCODING and INVALID_INPUT (not XLIFF, hostile XML, another
 * language pair).
 */
export async function importXliff({ actor, workId, file, locale = DEFAULT_LOCALE, db = getDb() }: { actor: Actor; workId: string; file: XliffUpload; locale?: Locale; db?: Db }): Promise<XliffImportReport> {
  const work = isUuid(workId) ? await db.work.findUnique({ where: { id: workId }, select: { id: true, collectionId: true, sourceLanguage: true, languages: { select: { language: true } } } }) : null;
  if (!work) throw new AppError('NOT_FOUND', 'work.notFound');
  assertCan(actor, 'suggestion.create', { collectionId: work.collectionId });
  if (file.size > MAX_XLIFF_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'xliff.fileTooLarge', { values: { size: sizeInBytes(file.size), limit: sizeInBytes(MAX_XLIFF_BYTES) }, details: { limit: MAX_XLIFF_BYTES } });
  const reading = await readXliff(decodeXmlFile(new Uint8Array(await file.arrayBuffer())));

  const translations = work.languages.map((entry) => entry.language).filter((language) => language !== work.sourceLanguage);
  if (!sameLanguage(reading.sourceLanguage, work.sourceLanguage)) {
    throw new AppError('INVALID_INPUT', 'xliff.sourceMismatch', { values: { fileLanguage: reading.sourceLanguage.slice(0, 20), sourceLanguage: work.sourceLanguage } });
  }
  const language = translations.find((tag) => sameLanguage(reading.targetLanguage, tag));
  if (!language) {
    throw new AppError('INVALID_INPUT', 'xliff.targetNotTranslated', { values: { fileLanguage: reading.targetLanguage.slice(0, 20), translations: translations.length > 0 ? translations.join(', ') : 'none' } });
  }

  const report: XliffImportReport = { version: reading.version, language, units: reading.units.length, suggested: 0, unchanged: 0, alreadySuggested: 0, skippedCount: 0, skipped: [] };
  const skip = (unitId: string, reason: XliffSkipReason, message: string) => {
    report.skippedCount += 1;
    if (report.skipped.length < MAX_LISTED_SKIPS) report.skipped.push({ unitId: unitId.slice(0, 100), reason, message });
  };

  // Units with a target, each segment once.
  const seen = new Set<string>();
  const units = reading.units.filter((unit) => {
    if (unit.target === null) {
      report.unchanged += 1;
      return false;
    }
    if (seen.has(unit.id)) {
      skip(unit.id, 'duplicate', 'This unit appears more than once in the file: its first appearance was read.');
      return false;
    }
    seen.add(unit.id);
    return true;
  });
  const segmentIds = units.map((unit) => unit.id).filter(isUuid);
  const revisionIds = units.map((unit) => unit.targetRevision).filter((id): id is string => id !== null && isUuid(id));
  const [segments, revisions, texts] = await Promise.all([
    // all segments: a unit of a segment retired since the export is reported as skipped, with why
    lookUp(segmentIds, (ids) => db.segment.findMany({ where: { id: { in: ids } }, select: { id: true, workId: true, retiredAt: true } })),
    lookUp(revisionIds, (ids) => db.revision.findMany({ where: { id: { in: ids } }, select: { id: true, text: true, segmentText: { select: { segmentId: true, language: true } } } })),
    lookUp(segmentIds, (ids) => db.segmentText.findMany({ where: { segmentId: { in: ids }, language }, select: { segmentId: true, continuesPrevious: true, publishedRevision: { select: { text: true } } } })),
  ]);
  const segmentOf = new Map(segments.map((segment) => [segment.id, segment]));
  const revisionOf = new Map(revisions.map((revision) => [revision.id, revision]));
  const textOf = new Map(texts.map((text) => [text.segmentId, text]));

  const candidates: Candidate[] = [];
  for (const unit of units) {
    const segment = isUuid(unit.id) ? segmentOf.get(unit.id) : undefined;
    if (!segment) {
      skip(unit.id, 'not-a-segment', 'No segment of Interlinear has this unit’s id.');
      continue;
    }
    if (segment.workId !== work.id) {
      skip(unit.id, 'other-work', 'This unit is a segment of another work: import it on that work’s page.');
      continue;
    }
    if (segment.retiredAt !== null) {
      skip(unit.id, 'retired', 'This segment is no longer part of the text.');
      continue;
    }
    if (unit.isTooLong) {
      skip(unit.id, 'too-long', 'The target is longer than a segment may be.');
      continue;
    }
    let exported = '';
    let baseRevisionId: string | null = null;
    if (unit.targetRevision === null || (unit.targetRevision !== NO_REVISION && !isUuid(unit.targetRevision))) {
      skip(unit.id, 'no-revision', 'The unit does not say which revision it was exported from (the tool dropped its metadata): download the XLIFF again.');
      continue;
    }
    if (unit.targetRevision !== NO_REVISION) {
      const revision = revisionOf.get(unit.targetRevision);
      if (!revision || revision.segmentText.segmentId !== segment.id || revision.segmentText.language !== language) {
        skip(unit.id, 'wrong-revision', 'The revision the unit names is not one of this segment’s translation.');
        continue;
      }
      exported = revision.text;
      baseRevisionId = revision.id;
    }
    const text = normalisedText(xmlSafeText(unit.target ?? ''));
    const current = textOf.get(segment.id);
    if (text === normalisedText(xmlSafeText(exported)) || text === normalisedText(current?.publishedRevision?.text ?? '\u0000')) {
      report.unchanged += 1;
      continue;
    }
    if (current?.continuesPrevious) {
      skip(unit.id, 'grouped', 'This segment’s translation is part of the previous segment’s: edit that one.');
      continue;
    }
    candidates.push({ unitId: unit.id, segmentId: segment.id, text, baseRevisionId });
  }

  // Suggestions already waiting for review as they are (whoever made them): an import of the same file again makes none twice.
  const waiting = await lookUp(candidates.map((candidate) => candidate.segmentId), (ids) =>
    db.suggestion.findMany({ where: { segmentId: { in: ids }, language, kind: { not: 'STRUCTURE' }, status: { in: ['PENDING', 'APPROVED'] } }, select: { segmentId: true, baseRevisionId: true, text: true } }),
  );
  const waitingKeys = new Set(waiting.map((row) => proposalKey(row.segmentId, row.baseRevisionId, row.text)));
  for (const candidate of candidates) {
    if (waitingKeys.has(proposalKey(candidate.segmentId, candidate.baseRevisionId, candidate.text))) {
      report.alreadySuggested += 1;
      continue;
    }
    if (report.suggested >= MAX_XLIFF_SUGGESTIONS) {
      skip(candidate.unitId, 'limit', `One import makes at most ${MAX_XLIFF_SUGGESTIONS} suggestions: import the file again for the rest.`);
      continue;
    }
    try {
      await createSuggestion({ actor, input: { segmentId: candidate.segmentId, language, text: candidate.text, baseRevisionId: candidate.baseRevisionId }, db });
      report.suggested += 1;
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'FORBIDDEN') throw error;
      skip(candidate.unitId, 'refused', localizedMessage(error, locale));
    }
  }
  return report;
}

/** Parses the text a slice at a time, yielding to the event loop between slices. */
async function readXliff(text: string): Promise<XliffReading> {
  const reader = new XliffReader();
  for (let at = 0; at < text.length; at += SLICE_CHARS) {
    reader.write(text.slice(at, at + SLICE_CHARS));
    if (at + SLICE_CHARS < text.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return reader.end();
}

/** A file's tag names the work's language when it is the same tag, or has the same primary subtag ("en-GB" for "en"). */
function sameLanguage(fileTag: string, tag: string): boolean {
  return fileTag.trim().toLowerCase() === tag.toLowerCase() || (primaryLanguage(fileTag) !== null && primaryLanguage(fileTag) === primaryLanguage(tag) && !tag.includes('-'));
}

async function lookUp<T>(ids: string[], query: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let at = 0; at < ids.length; at += LOOKUP_BATCH) rows.push(...(await query(ids.slice(at, at + LOOKUP_BATCH))));
  return rows;
}

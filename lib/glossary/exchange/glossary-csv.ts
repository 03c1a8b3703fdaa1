import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';

import { noSkips, type GlossaryFileEntry, type GlossaryFileReading } from './glossary-file';
import { MAX_GLOSSARY_EXAMPLE_CHARS, MAX_GLOSSARY_IMPORT_TERMS, MAX_GLOSSARY_NOTE_CHARS, MAX_GLOSSARY_TERM_CHARS, MAX_GLOSSARY_TRANSLATIONS } from '../../config/limits';
import { AppError } from '../../errors/app-error';
import { PARTS_OF_SPEECH, TERM_STATUSES, type PartOfSpeech, type TermStatus } from '../glossary-values';
import { lineText, noteText } from '../text-forms';

/** Characters of a CSV file handed to the parser at a time. */
const CSV_SLICE_CHARS = 64 * 1024;

/** The columns of a glossary CSV file, in the order written. */
export const GLOSSARY_CSV_COLUMNS = ['term', 'translation', 'status', 'part_of_speech', 'note', 'example'] as const;
type Column = (typeof GLOSSARY_CSV_COLUMNS)[number];

/** Other names a column is read under (what other tools' exports call it). */
const COLUMN_ALIASES: Record<string, Column> = { definition: 'note', pos: 'part_of_speech', partofspeech: 'part_of_speech', context: 'example' };

/** A value a spreadsheet would run as a formula ("=HYPERLINK(…)"): written with a leading apostrophe, which reading takes off again. */
const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * Reads a glossary CSV file: a header row naming the columns (`term` and `translation` required;
 * `status`, `part_of_speech`, `note`, `example` optional; other columns ignored; comma, semicolon
 * or tab as the header row shows), then one row per translation. Rows of the same term (case and
 * spacing aside) make one entry, wherever they stand; a term's details are the first given. A
 * status is preferred (the default), admitted, or forbidden (also "deprecated"). Throws
 * INVALID_INPUT (not CSV, no such header, an unknown status: the line is named). Read by
 * csv-parse's streaming parser a slice of {@link CSV_SLICE_CHARS} at a time, other requests served
 * in between (a 10 MB file parsed at once held the event loop for most of a second).
 */
export async function readGlossaryCsv(text: string): Promise<GlossaryFileReading> {
  const delimiter = delimiterOf(text);
  const columns = new Set<Column | null>();
  const parser = parse({
    columns: (header: string[]) =>
      header.map((name) => {
        const column = columnOf(name);
        columns.add(column);
        return column;
      }),
    delimiter,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  });
  const feeding = (async () => {
    for (let offset = 0; offset < text.length; offset += CSV_SLICE_CHARS) {
      if (parser.destroyed) return;
      parser.write(text.slice(offset, offset + CSV_SLICE_CHARS));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    parser.end();
  })();
  const records: Record<string, string>[] = [];
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) records.push(record);
    await feeding;
  } catch (error) {
    parser.destroy();
    if (error instanceof CsvError) throw new AppError('INVALID_INPUT', 'glossary.unreadableCsv', { values: { reason: error.message.slice(0, 200) } });
    throw error;
  }
  const skipped = noSkips();
  const byKey = new Map<string, GlossaryFileEntry & { isTooLong: boolean }>();
  records.forEach((record, index) => {
    const line = index + 2;
    const term = lineText(unprotect(record.term ?? ''));
    const translation = lineText(unprotect(record.translation ?? ''));
    if (term === '') {
      skipped.noTerm += 1;
      return;
    }
    const key = term.toLowerCase();
    let entry = byKey.get(key);
    if (!entry) {
      if (byKey.size >= MAX_GLOSSARY_IMPORT_TERMS) throw new AppError('INVALID_INPUT', 'glossary.tooManyTerms', { values: { max: MAX_GLOSSARY_IMPORT_TERMS } });
      entry = { term, partOfSpeech: null, note: '', example: '', translations: [], isTooLong: term.length > MAX_GLOSSARY_TERM_CHARS };
      byKey.set(key, entry);
    }
    entry.partOfSpeech ??= partOfSpeechOf(record.part_of_speech ?? '');
    const note = noteText(unprotect(record.note ?? ''));
    const example = lineText(unprotect(record.example ?? ''));
    if (entry.note === '') entry.note = note;
    if (entry.example === '') entry.example = example;
    if (note.length > MAX_GLOSSARY_NOTE_CHARS || example.length > MAX_GLOSSARY_EXAMPLE_CHARS) entry.isTooLong = true;
    if (translation === '') return;
    if (translation.length > MAX_GLOSSARY_TERM_CHARS) entry.isTooLong = true;
    if (!entry.translations.some((known) => known.text.toLowerCase() === translation.toLowerCase())) entry.translations.push({ text: translation, status: statusOf(record.status ?? '', line) });
  });

  const entries: GlossaryFileEntry[] = [];
  for (const { isTooLong, ...entry } of byKey.values()) {
    if (isTooLong) skipped.tooLong += 1;
    else if (entry.translations.length === 0) skipped.noTranslation += 1;
    else entries.push({ ...entry, translations: [...entry.translations].sort((a, b) => TERM_STATUSES.indexOf(a.status) - TERM_STATUSES.indexOf(b.status)).slice(0, MAX_GLOSSARY_TRANSLATIONS) });
  }
  return { entries, skipped, languages: new Map() };
}

/** Writes a glossary CSV file piece by piece: `start` gives the header row, `entry` a term's rows (one per translation). Pure. */
export class GlossaryCsvWriter {
  start(): string {
    return stringify([[...GLOSSARY_CSV_COLUMNS]]);
  }

  entry(entry: GlossaryFileEntry): string {
    return stringify(entry.translations.map((translation) => [entry.term, translation.text, translation.status, entry.partOfSpeech ?? '', entry.note, entry.example].map(protect)));
  }
}

function columnOf(name: string): Column | null {
  const normalized = name.trim().toLowerCase().replace(/[\s-]+/gu, '_');
  const compact = normalized.replace(/_/gu, '');
  return (GLOSSARY_CSV_COLUMNS as readonly string[]).includes(normalized) ? (normalized as Column) : (COLUMN_ALIASES[compact] ?? null);
}

/** The header row's separator: the one of comma, semicolon and tab it has most of. */
function delimiterOf(text: string): string {
  const header = text.replace(/^\uFEFF/u, '').split(/\r?\n/u, 1)[0] ?? '';
  let best = ',';
  let most = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = header.split(candidate).length - 1;
    if (count > most) [best, most] = [candidate, count];
  }
  return best;
}

function statusOf(value: string, line: number): TermStatus {
  const status = value.trim().toLowerCase();
  if (status === '' || status === 'preferred') return 'preferred';
  if (status === 'admitted') return 'admitted';
  if (status === 'forbidden' || status === 'deprecated') return 'forbidden';
  throw new AppError('INVALID_INPUT', 'glossary.unknownStatus', { values: { line, value: value.slice(0, 40) } });
}

function partOfSpeechOf(value: string): PartOfSpeech | null {
  const part = value.replace(/[\s_-]+/gu, '').toLowerCase();
  return PARTS_OF_SPEECH.find((candidate) => candidate.toLowerCase() === part) ?? null;
}

function protect(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function unprotect(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

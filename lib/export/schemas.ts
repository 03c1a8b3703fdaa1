import { z } from 'zod';

import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';
import { languageTagSchema } from '../library/language-tag';

/** Formats a work or volume downloads in. */
export const DOWNLOAD_FORMATS = ['epub', 'html', 'txt', 'md', 'jsonl', 'xliff', 'xliff12', 'tmx'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/**
 * Formats for translators' tools (XLIFF 2.0, XLIFF 1.2, TMX): the original beside one
 * translation, segment by segment. Their `lang` is the translation's language (required unless
 * the text has a single translation); no second language, no layout.
 */
export const TRANSLATION_FORMATS: readonly DownloadFormat[] = ['xliff', 'xliff12', 'tmx'];

/** Bilingual layouts of EPUB and HTML; plain text and Markdown always alternate paragraphs. */
export const BILINGUAL_LAYOUTS = ['side-by-side', 'alternating', 'original-after-chapter'] as const;

/** The formats whose layout can be chosen (the others alternate paragraphs). */
export const FORMATS_WITH_LAYOUT: readonly DownloadFormat[] = ['epub', 'html'];

/** Formats that hold one work only (JSON Lines is the work's data, segment by segment). */
export const WORK_ONLY_FORMATS: readonly DownloadFormat[] = ['jsonl'];

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/**
 * The query of a download (`/api/works/[workId]/export`, `/api/volumes/[volumeId]/export`):
 * the format is read as any text so that an unknown one is refused by {@link parseDownloadFormat}
 * with a message naming the formats, not as a generic invalid field.
 */
export const downloadQuerySchema = z.object({
  /** One of {@link DOWNLOAD_FORMATS}; JSON Lines when absent (the first download the site had). */
  format: z.string().trim().max(20).default('jsonl'),
  /** The main language (the original's when absent). */
  lang: optional(languageTagSchema),
  /** A second language, for a bilingual download. */
  with: optional(languageTagSchema),
  /** How the two languages are laid out (EPUB and HTML; side by side when absent). */
  layout: optional(z.enum(BILINGUAL_LAYOUTS, { message: fieldMessage('form.export.layout', { layouts: BILINGUAL_LAYOUTS.join(', ') }) })),
});
export type DownloadQuery = z.infer<typeof downloadQuerySchema>;

/** A download's choices once checked: the format known, the languages apart. */
export interface DownloadChoice {
  format: DownloadFormat;
  lang: string | undefined;
  with: string | undefined;
  layout: (typeof BILINGUAL_LAYOUTS)[number];
}

/**
 * The format of a download, or UNSUPPORTED_FORMAT (400) naming the formats there are: an unknown
 * format is never read as another one.
 */
export function parseDownloadFormat(value: string): DownloadFormat {
  const format = value.trim().toLowerCase();
  if ((DOWNLOAD_FORMATS as readonly string[]).includes(format)) return format as DownloadFormat;
  throw new AppError('UNSUPPORTED_FORMAT', 'export.unknownFormat', { values: { value: value.slice(0, 20), formats: DOWNLOAD_FORMATS.join(', ') } });
}

/**
 * Checks a download's query as a whole: the format ({@link parseDownloadFormat}), two different
 * languages, and a layout only where the format has one (INVALID_INPUT otherwise).
 */
export function parseDownloadChoice(query: DownloadQuery): DownloadChoice {
  const format = parseDownloadFormat(query.format);
  if (query.with !== undefined && query.with === query.lang) throw new AppError('INVALID_INPUT', 'export.sameLanguageTwice', { details: { with: fieldMessage('field.chooseAnotherLanguage') } });
  if (format === 'jsonl' && (query.lang !== undefined || query.with !== undefined || query.layout !== undefined)) {
    throw new AppError('INVALID_INPUT', 'export.jsonlNoLanguages');
  }
  if (TRANSLATION_FORMATS.includes(format) && (query.with !== undefined || query.layout !== undefined)) {
    throw new AppError('INVALID_INPUT', 'export.pairFormatLanguages', { details: { with: fieldMessage('field.notInThisFormat') } });
  }
  if (query.layout !== undefined && query.layout !== 'alternating' && !FORMATS_WITH_LAYOUT.includes(format)) {
    throw new AppError('INVALID_INPUT', 'export.alternatingLayout', { details: { layout: fieldMessage('field.notInThisFormat') } });
  }
  return { format, lang: query.lang, with: query.with, layout: query.layout ?? (FORMATS_WITH_LAYOUT.includes(format) ? 'side-by-side' : 'alternating') };
}

import { z } from 'zod';

import { fieldMessage } from '../errors/error-text';
import { languageTagSchema } from '../library/language-tag';
import { MAX_SEARCH_QUERY_CHARS } from '../search/schemas';

/** Matches shown for a segment at most. */
export const MAX_MEMORY_MATCHES = 5;
/** Matches below this percentage are left out unless asked for (translation tools' usual threshold). */
export const DEFAULT_MIN_MATCH_PERCENT = 75;
/** Lowest threshold a caller may ask for: below it a "match" is another sentence. */
export const LOWEST_MIN_MATCH_PERCENT = 50;

/** `GET /api/works/[workId]/memory`: the segment being translated, the language it is translated into. */
export const memoryQuerySchema = z.object({
  workId: z.uuid(),
  segment: z.uuid(),
  lang: languageTagSchema,
  min: z.coerce.number().int().min(LOWEST_MIN_MATCH_PERCENT).max(100).default(DEFAULT_MIN_MATCH_PERCENT),
});

export type MemoryQuery = z.infer<typeof memoryQuerySchema>;

/** Pairs a page of concordance shows. */
export const CONCORDANCE_PAGE_SIZE = 20;
/** Deepest page of a concordance (200 pairs): past it, search for something narrower. */
export const MAX_CONCORDANCE_PAGE = 10;

const optionalLanguage = z.preprocess((value) => (value === '' ? undefined : value), languageTagSchema.optional());

/**
 * The concordance form's fields (the `/concordance` page's query string): what is searched may be
 * empty (the form alone is shown) and the languages left out (the library's usual pair is taken).
 */
export const concordanceFormSchema = z.object({
  /** A word or phrase, in library search's query language (docs/search.md). */
  q: z.string().trim().max(MAX_SEARCH_QUERY_CHARS, fieldMessage('form.searchTooLong', { max: MAX_SEARCH_QUERY_CHARS })).default(''),
  /** The language of the originals (of the units' source side). */
  source: optionalLanguage,
  /** The language they are translated into. */
  target: optionalLanguage,
  /** Which side must hold the words: the original's, the translation's, or either. */
  side: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['source', 'target', 'both']).default('source')),
  /** 1-based page of {@link CONCORDANCE_PAGE_SIZE} pairs. */
  page: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).max(MAX_CONCORDANCE_PAGE, fieldMessage('form.memory.pageLimit', { max: MAX_CONCORDANCE_PAGE })).default(1)),
});

export type ConcordanceForm = z.infer<typeof concordanceFormSchema>;

/** `GET /api/concordance`: a word or phrase searched on one side (or both) of a language pair's translations. */
export const concordanceQuerySchema = concordanceFormSchema
  .extend({
    q: z.string().trim().min(1, fieldMessage('form.memory.queryMissing')).max(MAX_SEARCH_QUERY_CHARS, fieldMessage('form.searchTooLong', { max: MAX_SEARCH_QUERY_CHARS })),
    source: languageTagSchema,
    target: languageTagSchema,
  })
  .refine((query) => query.source !== query.target, { message: fieldMessage('exchange.sameLanguages'), path: ['target'] });

export type ConcordanceQuery = z.infer<typeof concordanceQuerySchema>;

/** A language as imported memories keep it: the primary subtag of the file's `xml:lang` ("en" for "en-US"). */
export const memoryLanguageSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/u, fieldMessage('form.memory.fileLanguage'));

/** `POST /api/collections/[collectionId]/memory` (multipart): a TMX file and the language pair to import from it. */
export const memoryImportFormSchema = z
  .object({
    /** The collection the memory is imported into (from the path). */
    collectionId: z.uuid(),
    /** The TMX file; its name identifies the import (the same name again replaces its units). */
    file: z.instanceof(File, { message: fieldMessage('form.memory.file') }).refine((file) => file.size > 0, { message: fieldMessage('file.empty') }),
    /** The file's language read as the source. */
    source: memoryLanguageSchema,
    /** The file's language read as the translation. */
    target: memoryLanguageSchema,
  })
  .refine((form) => form.source !== form.target, { message: fieldMessage('exchange.sameLanguages'), path: ['target'] });

/** `GET /api/collections/[collectionId]/memory`: the collection whose memory is listed. */
export const collectionMemoryQuerySchema = z.object({ collectionId: z.uuid() });

/** `GET /api/collections/[collectionId]/memory/tmx`: the language pair of the memory downloaded. */
export const memoryExportQuerySchema = z
  .object({
    collectionId: z.uuid(),
    source: languageTagSchema,
    target: languageTagSchema,
  })
  .refine((query) => query.source !== query.target, { message: fieldMessage('exchange.sameLanguages'), path: ['target'] });

export type MemoryExportQuery = z.infer<typeof memoryExportQuerySchema>;

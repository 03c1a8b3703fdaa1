import { z } from 'zod';

import { fieldMessage } from '../errors/error-text';
import { languageTagSchema } from '../library/language-tag';

/** Longest search query (characters). */
export const MAX_SEARCH_QUERY_CHARS = 200;
/** Hits per page of results, and the deepest page (past it, narrow the search). */
export const SEARCH_PAGE_SIZE = 20;
export const MAX_SEARCH_PAGE = 50;

const optionalId = z.preprocess((value) => (value === '' ? undefined : value), z.uuid().optional());
const optionalYear = z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).max(9999).optional());

/** The search form's fields (also the `/search` page's query string). Empty fields are no filter. */
export const searchInputSchema = z.object({
  q: z.string().trim().max(MAX_SEARCH_QUERY_CHARS, fieldMessage('form.searchTooLong', { max: MAX_SEARCH_QUERY_CHARS })).default(''),
  collection: optionalId,
  volume: optionalId,
  work: optionalId,
  language: z.preprocess((value) => (value === '' ? undefined : value), languageTagSchema.optional()),
  author: z.preprocess((value) => (value === '' ? undefined : value), z.string().trim().max(200).optional()),
  from: optionalYear,
  to: optionalYear,
  page: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE).default(1)),
});

export type SearchInput = z.infer<typeof searchInputSchema>;

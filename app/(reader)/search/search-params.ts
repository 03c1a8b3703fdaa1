import { getLocale } from 'next-intl/server';

import { AppError } from '@/lib/errors/app-error';
import { localizedMessage } from '@/lib/errors/localize-error';

/** A page's query string as Next.js passes it. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first value of each query parameter (the search and concordance pages' forms send each once). */
export async function readParams(searchParams: SearchParams): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : Array.isArray(value) && value[0] !== undefined ? [[key, value[0]]] : [])));
}

/**
 * A search refused for its rate becomes its message, in the page's language; anything else stays
 * an error for the error page.
 */
export async function refusedAsMessage(error: unknown): Promise<{ refusal: string }> {
  if (error instanceof AppError && error.code === 'RATE_LIMITED') return { refusal: localizedMessage(error, await getLocale()) };
  throw error;
}

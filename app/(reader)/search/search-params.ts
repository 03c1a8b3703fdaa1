import { AppError } from '@/lib/errors/app-error';

/** A page's query string as Next.js passes it. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first value of each query parameter (the search and concordance pages' forms send each once). */
export async function readParams(searchParams: SearchParams): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : Array.isArray(value) && value[0] !== undefined ? [[key, value[0]]] : [])));
}

/** A search refused for its rate becomes its message; anything else stays an error for the error page. */
export function refusedAsMessage(error: unknown): { refusal: string } {
  if (error instanceof AppError && error.code === 'RATE_LIMITED') return { refusal: error.message };
  throw error;
}

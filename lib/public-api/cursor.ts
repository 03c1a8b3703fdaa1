import { z } from 'zod';

import { AppError } from '../errors/app-error';

/**
 * Cursors of the public API's pages: opaque to clients (base64url of a small JSON object), they
 * carry the sort key of the last item of the page before, so pages stay stable while the library
 * grows (keyset pagination; an offset would skip or repeat items inserted meanwhile).
 */

const payloadSchema = z.object({ list: z.string().max(40), after: z.union([z.string().min(1).max(512), z.number().int().min(0)]) });

/** The lists that page with cursors: a cursor of one is refused by another. */
export type CursorList = 'collections' | 'volumes' | 'works' | 'volume-works' | 'segments';

export function encodeCursor(list: CursorList, after: string | number): string {
  return Buffer.from(JSON.stringify({ list, after }), 'utf8').toString('base64url');
}

/** The sort key a cursor of `list` carries, of the type the list sorts by; INVALID_INPUT for anything else. */
export function decodeCursor<T extends 'string' | 'number'>(cursor: string | undefined, list: CursorList, type: T): (T extends 'string' ? string : number) | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const result = payloadSchema.safeParse(parsed);
  if (!result.success || result.data.list !== list || typeof result.data.after !== type) throw invalidCursor();
  return result.data.after as T extends 'string' ? string : number;
}

function invalidCursor(): AppError {
  return new AppError('INVALID_INPUT', 'publicApi.foreignCursor');
}

/** The page of `rows` (fetched with one extra to know whether more follow) and the cursor after it. */
export function pageOf<R>(rows: R[], limit: number, list: CursorList, keyOf: (row: R) => string | number): { rows: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(list, keyOf(last)) : null };
}

import 'server-only';

import type { NameContext } from './types';
import type { Db } from '../db/client';

/** A text whose name mentions are wanted: the target text to read them in (null: none yet). */
export interface NameRequest {
  /** Names the request in the answer (a segment may be asked about with several texts). */
  id: string;
  segmentId: string;
  target: string | null;
}

/**
 * The names of the name authority mentioned in each request's target text, with the preferred
 * form of each (lib/checks/rules/names.ts). Filled by the names module (lib/names), which knows
 * the preferred forms and their transliteration variants; until it is wired in, no segment
 * mentions a name, so the check finds nothing.
 */
export async function loadNameContext(_db: Db, { requests }: { collectionId: string; language: string; requests: readonly NameRequest[] }): Promise<Map<string, NameContext>> {
  return new Map(requests.map((request) => [request.id, { mentions: [], targetText: request.target }]));
}

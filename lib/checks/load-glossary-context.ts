import 'server-only';

import type { GlossaryContext } from './types';
import type { Db } from '../db/client';

/** A text whose glossary context is wanted: its segment's source, and the target text to tokenize (null: none yet). */
export interface GlossaryRequest {
  /** Names the request in the answer (a segment may be asked about with several texts: two suggestions). */
  id: string;
  segmentId: string;
  source: string;
  target: string | null;
}

/**
 * The glossary terms found in each request's source (with their preferred, admitted and
 * forbidden translations and the stems of those) and the target text's stemmed tokens, for the
 * glossary check (lib/checks/rules/glossary.ts). Filled by the glossary module (lib/glossary),
 * which recognises terms in inflected forms with PostgreSQL's stemming; until it is wired in,
 * every segment has no term, so the check finds nothing.
 */
export async function loadGlossaryContext(_db: Db, { requests }: { collectionId: string; sourceLanguage: string; language: string; requests: readonly GlossaryRequest[] }): Promise<Map<string, GlossaryContext>> {
  return new Map(requests.map((request) => [request.id, { hits: [], targetTokens: [], targetText: request.target }]));
}

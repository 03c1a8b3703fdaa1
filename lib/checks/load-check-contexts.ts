import 'server-only';

import type { CheckUnit } from './load-check-units';
import { loadGlossaryContext } from './load-glossary-context';
import { loadNameContext } from './load-name-context';
import { loadOtherTranslations } from './load-other-translations';
import type { CheckContext, CheckId, LengthNorm } from './types';
import type { Db } from '../db/client';

/** The work a batch of check contexts belongs to. */
export interface CheckWork {
  workId: string;
  collectionId: string;
  sourceLanguage: string;
}

/** A text whose check context is wanted: its unit (segment), and the text checked when it is not the published one. */
export interface ContextRequest {
  /** Names the request in the answer (defaults to the segment's id). */
  id?: string;
  unit: CheckUnit;
  /** The text checked (a draft, a suggestion); the published translation when absent. */
  target?: string;
}

/**
 * The context of each request's checks in `language` (lib/checks/types.ts, `CheckContext`): its
 * source's footnote references, the other translations of its sentence in the work, the glossary
 * terms of its source and the names in the text checked, and the work's length norm; by request
 * id. One query per part for the whole batch, and only the parts `checks` need.
 */
export async function loadCheckContexts(
  db: Db,
  { work, language, requests, lengthNorm, checks }: { work: CheckWork; language: string; requests: readonly ContextRequest[]; lengthNorm: LengthNorm | null; checks?: ReadonlySet<CheckId> },
): Promise<Map<string, CheckContext>> {
  const items = requests.map((request) => ({ id: request.id ?? request.unit.segmentId, unit: request.unit, target: request.target ?? request.unit.target }));
  const segmentIds = [...new Set(items.map((item) => item.unit.segmentId))];
  // Only the parts the checks run need (`checks`: those checks alone; all when absent). One after
  // the other: `db` may be a transaction's client, which runs one query at a time.
  const needs = (check: CheckId) => !checks || checks.has(check);
  const others = needs('consistency') ? await loadOtherTranslations(db, { workId: work.workId, sourceLanguage: work.sourceLanguage, language, segmentIds }) : new Map<string, never>();
  const glossary = needs('glossary')
    ? await loadGlossaryContext(db, { collectionId: work.collectionId, sourceLanguage: work.sourceLanguage, language, requests: items.map((item) => ({ id: item.id, segmentId: item.unit.segmentId, source: item.unit.source, target: item.target })) })
    : new Map<string, never>();
  const names = needs('names') ? await loadNameContext(db, { collectionId: work.collectionId, language, requests: items.map((item) => ({ id: item.id, target: item.target })) }) : new Map<string, never>();
  return new Map(
    items.map((item) => [
      item.id,
      {
        footnotes: item.unit.footnotes,
        glossary: glossary.get(item.id) ?? null,
        names: names.get(item.id) ?? null,
        lengthNorm: needs('length') ? lengthNorm : null,
        otherTranslations: needs('consistency') ? (others.get(item.unit.segmentId) ?? []) : null,
      },
    ]),
  );
}

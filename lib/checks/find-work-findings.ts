import 'server-only';

import { loadCheckContexts } from './load-check-contexts';
import { loadCollectionCheckSettings } from './load-check-settings';
import { loadWorkCheckUnits } from './load-check-units';
import { loadCheckWork } from './load-check-work';
import { loadDismissals } from './load-dismissals';
import { loadLengthNorm } from './load-length-norm';
import { runChecks } from './run-checks';
import { MAX_FINDINGS_PAGE } from './schemas';
import { withDismissals } from './shown-findings';
import { CHECK_IDS, type CheckId, type CheckSettings, type ShownFinding } from './types';
import { assertCan, can, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

/** One segment of the work's list: its texts and what the checks found in its published translation. */
export interface SegmentFindings {
  segmentId: string;
  /** Its place in reading order among the work's text segments (1-based), as the editor numbers it. */
  number: number;
  source: string;
  target: string;
  findings: ShownFinding[];
}

export interface WorkFindings {
  work: { id: string; title: string; collectionId: string; sourceLanguage: string };
  language: string;
  settings: CheckSettings;
  /** Findings per check in the whole translation: open, and dismissed. */
  counts: Record<CheckId, { open: number; dismissed: number }>;
  /** Segments with a finding of the check asked for (of any check without one), before paging. */
  total: number;
  segments: SegmentFindings[];
  canDismiss: boolean;
}

/**
 * The findings of the quality checks on a work's published translation into `language`, per
 * segment in reading order (`check`: only that check's; `offset`/`limit`: a page of the segments
 * that have one, open or dismissed), with counts per check over the whole translation. The checks
 * the collection switched off are not run. Computed from the published texts on each call (a
 * 10,000-segment work takes about a second, docs/benchmarks.md): nothing to keep up to date when a
 * text changes. NOT_FOUND for an unknown work or language; INVALID_INPUT for the source language;
 * UNAUTHENTICATED/FORBIDDEN without `segment.edit` on the work.
 */
export async function findWorkFindings({ actor, workId, language, check, offset = 0, limit = 50, db = getDb() }: { actor: Actor; workId: string; language: string; check?: CheckId; offset?: number; limit?: number; db?: Db }): Promise<WorkFindings> {
  const work = await loadCheckWork(db, { workId, language });
  assertCan(actor, 'segment.edit', { collectionId: work.collectionId });
  const settings = await loadCollectionCheckSettings(db, work.collectionId);
  const all = await loadWorkCheckUnits(db, { workId: work.workId, sourceLanguage: work.sourceLanguage, language });
  const numbers = new Map(all.map((unit, index) => [unit.segmentId, index + 1]));
  const units = all.filter((unit) => !unit.isContinuation && unit.target !== null && unit.target.trim() !== '');
  const lengthNorm = await loadLengthNorm(db, { workId: work.workId, sourceLanguage: work.sourceLanguage, language });
  const contexts = await loadCheckContexts(db, { work, language, requests: units.map((unit) => ({ unit })), lengthNorm });
  const dismissals = await loadDismissals(db, { language, segmentIds: units.map((unit) => unit.segmentId) });

  const counts = Object.fromEntries(CHECK_IDS.map((id) => [id, { open: 0, dismissed: 0 }])) as WorkFindings['counts'];
  const listed: SegmentFindings[] = [];
  for (const unit of units) {
    const context = contexts.get(unit.segmentId);
    const target = unit.target ?? '';
    if (!context) continue;
    const findings = withDismissals(runChecks({ source: unit.source, target, sourceLanguage: work.sourceLanguage, targetLanguage: language }, context, settings), dismissals.get(unit.segmentId));
    for (const finding of findings) counts[finding.check][finding.dismissal ? 'dismissed' : 'open'] += 1;
    const shown = check ? findings.filter((finding) => finding.check === check) : findings;
    if (shown.length > 0) listed.push({ segmentId: unit.segmentId, number: numbers.get(unit.segmentId) ?? 0, source: unit.source, target, findings: shown });
  }
  const size = Math.min(Math.max(limit, 1), MAX_FINDINGS_PAGE);
  return {
    work: { id: work.workId, title: work.title, collectionId: work.collectionId, sourceLanguage: work.sourceLanguage },
    language,
    settings,
    counts,
    total: listed.length,
    segments: listed.slice(offset, offset + size),
    canDismiss: can(actor, 'check.dismiss', { collectionId: work.collectionId }),
  };
}

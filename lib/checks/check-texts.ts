import 'server-only';

import { loadCheckContexts } from './load-check-contexts';
import { loadCheckSettings } from './load-check-settings';
import { loadCheckUnits } from './load-check-units';
import { loadDismissals } from './load-dismissals';
import { loadLengthNorm, NORM_MAX_AGE_MS } from './load-length-norm';
import { runChecks } from './run-checks';
import { withDismissals } from './shown-findings';
import { CHECK_IDS, type CheckId, type ShownFinding } from './types';
import type { Db } from '../db/client';

/** A text to check: a proposed translation of a segment (a suggestion, a draft being submitted). */
export interface TextToCheck {
  /** Names the text in the answer (a suggestion's id, or the segment's). */
  id: string;
  segmentId: string;
  workId: string;
  collectionId: string;
  sourceLanguage: string;
  language: string;
  text: string;
}

/**
 * The findings of the quality checks on some proposed translations (of any works and
 * collections), with their dismissals, by the text's id: each collection's settings apply
 * (`only`: just these checks, e.g. the blocking ones). Contexts are loaded per work and language,
 * one query per part for each, and only the parts the checks that run need. Texts of segments that are retired, or whose translation is part
 * of the previous segment's, have none.
 */
export async function checkTexts(db: Db, texts: readonly TextToCheck[], { only }: { only?: ReadonlySet<CheckId> } = {}): Promise<Map<string, ShownFinding[]>> {
  const results = new Map<string, ShownFinding[]>();
  if (texts.length === 0) return results;
  const settings = await loadCheckSettings(db, texts.map((text) => text.collectionId));
  const batches = new Map<string, TextToCheck[]>();
  for (const text of texts) {
    const key = `${text.workId}\u0000${text.language}`;
    batches.set(key, [...(batches.get(key) ?? []), text]);
  }
  for (const batch of batches.values()) {
    const first = batch[0];
    if (!first) continue;
    const work = { workId: first.workId, collectionId: first.collectionId, sourceLanguage: first.sourceLanguage };
    const segmentIds = [...new Set(batch.map((text) => text.segmentId))];
    const collectionSettings = settings.get(work.collectionId);
    if (!collectionSettings) continue;
    // The checks that run here: enabled in the collection, and among `only`.
    const checks = new Set(CHECK_IDS.filter((id) => collectionSettings[id].isEnabled && (!only || only.has(id))));
    if (checks.size === 0) continue;
    const units = await loadCheckUnits(db, { workId: work.workId, sourceLanguage: work.sourceLanguage, language: first.language, segmentIds });
    const lengthNorm = checks.has('length') ? await loadLengthNorm(db, { workId: work.workId, sourceLanguage: work.sourceLanguage, language: first.language, maxAgeMs: NORM_MAX_AGE_MS }) : null;
    const dismissals = await loadDismissals(db, { language: first.language, segmentIds });
    // Each text in its own context: two suggestions for one segment are two texts.
    const checked = batch.flatMap((text) => {
      const unit = units.get(text.segmentId);
      return unit && !unit.isContinuation ? [{ text, unit }] : [];
    });
    const contexts = await loadCheckContexts(db, { work, language: first.language, requests: checked.map(({ text, unit }) => ({ id: text.id, unit, target: text.text })), lengthNorm, checks });
    for (const { text, unit } of checked) {
      const context = contexts.get(text.id);
      if (!context) continue;
      const findings = runChecks({ source: unit.source, target: text.text, sourceLanguage: work.sourceLanguage, targetLanguage: text.language }, context, collectionSettings, only);
      results.set(text.id, withDismissals(findings, dismissals.get(unit.segmentId)));
    }
  }
  return results;
}

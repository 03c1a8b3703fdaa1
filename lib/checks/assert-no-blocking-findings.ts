import 'server-only';

import { CHECKS } from './check-catalog';
import { checkTexts } from './check-texts';
import { loadCollectionCheckSettings } from './load-check-settings';
import { CHECK_IDS, type ShownFinding } from './types';
import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';

/** Findings named in the refusal's message; the rest are counted. */
const LISTED = 5;

/**
 * The undismissed findings of the checks a collection made blocking on a proposed translation
 * (none when no check is blocking: then nothing is read).
 */
export async function findBlockingFindings(db: Db, { segmentId, workId, collectionId, sourceLanguage, language, text }: { segmentId: string; workId: string; collectionId: string; sourceLanguage: string; language: string; text: string }): Promise<ShownFinding[]> {
  const settings = await loadCollectionCheckSettings(db, collectionId);
  const blocking = new Set(CHECK_IDS.filter((id) => settings[id].isEnabled && settings[id].isBlocking));
  if (blocking.size === 0 || language === sourceLanguage) return [];
  const findings = await checkTexts(db, [{ id: segmentId, segmentId, workId, collectionId, sourceLanguage, language, text }], { only: blocking });
  return (findings.get(segmentId) ?? []).filter((finding) => !finding.dismissal);
}

/**
 * Refuses a translation with undismissed findings of a blocking check (docs/quality-checks.md),
 * with INVALID_INPUT: the message lists them ("Numbers and dates: “1917” of the original is not in
 * the translation."), `details.text` has one line per finding. Called by review's
 * createSuggestion for every draft submitted or published.
 */
export async function assertNoBlockingFindings(db: Db, options: Parameters<typeof findBlockingFindings>[1]): Promise<void> {
  const findings = await findBlockingFindings(db, options);
  if (findings.length === 0) return;
  const lines = findings.map((finding) => `${CHECKS[finding.check].title}: ${finding.message}`);
  const listed = lines.slice(0, LISTED).join(' ');
  const more = lines.length > LISTED ? ` And ${lines.length - LISTED} more.` : '';
  throw new AppError('INVALID_INPUT', `Fix ${findings.length === 1 ? 'this finding' : 'these findings'} of the quality checks first, or ask an editor to dismiss ${findings.length === 1 ? 'it' : 'them'}: ${listed}${more}`, { text: lines });
}

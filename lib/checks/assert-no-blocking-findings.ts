import 'server-only';

import { checkTexts, type TextToCheck } from './check-texts';
import { formatFinding } from './format-finding';
import { checksTranslatorIn } from './get-checks-translator';
import { loadCollectionCheckSettings } from './load-check-settings';
import { CHECK_IDS, type CheckId, type ShownFinding } from './types';
import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';

/** Findings named in the refusal's message; the rest are counted. */
const LISTED = 5;

/**
 * The undismissed findings of the checks each text's collection made blocking on proposed
 * translations, by the text's id (texts with none left out; nothing is read for a collection
 * where no check is blocking).
 */
export async function findBlockingFindingsOf(db: Db, texts: readonly TextToCheck[]): Promise<Map<string, ShownFinding[]>> {
  const blockingOf = new Map<string, Set<CheckId>>();
  for (const collectionId of new Set(texts.map((text) => text.collectionId))) {
    const settings = await loadCollectionCheckSettings(db, collectionId);
    blockingOf.set(collectionId, new Set(CHECK_IDS.filter((id) => settings[id].isEnabled && settings[id].isBlocking)));
  }
  const checked = texts.filter((text) => text.language !== text.sourceLanguage && (blockingOf.get(text.collectionId)?.size ?? 0) > 0);
  if (checked.length === 0) return new Map();
  const only = new Set([...blockingOf.values()].flatMap((set) => [...set]));
  const findings = await checkTexts(db, checked, { only });
  const result = new Map<string, ShownFinding[]>();
  for (const text of checked) {
    const blocking = blockingOf.get(text.collectionId);
    const open = (findings.get(text.id) ?? []).filter((finding) => !finding.dismissal && blocking?.has(finding.check));
    if (open.length > 0) result.set(text.id, open);
  }
  return result;
}

/** The undismissed findings of the checks a collection made blocking on one proposed translation. */
export async function findBlockingFindings(db: Db, text: Omit<TextToCheck, 'id'>): Promise<ShownFinding[]> {
  return (await findBlockingFindingsOf(db, [{ ...text, id: text.segmentId }])).get(text.segmentId) ?? [];
}

/**
 * Refuses a translation with undismissed findings of a blocking check (docs/quality-checks.md),
 * with INVALID_INPUT: the message lists them ("Numbers and dates: “1917” of the original is not in
 * the translation."), `details.text` has one line per finding. Called by review's
 * createSuggestion for every draft submitted or published, and by approveSuggestion for a text a
 * reviewer changed. `.message` is in English; the answer words the findings in the request's
 * language, as the editor does under the draft.
 */
export async function assertNoBlockingFindings(db: Db, options: Parameters<typeof findBlockingFindings>[1]): Promise<void> {
  const findings = await findBlockingFindings(db, options);
  if (findings.length === 0) return;
  const worded = (t: ChecksTranslatorOf) => {
    const lines = findings.map((finding) => `${t(`names.${finding.check}`)}: ${formatFinding(t, finding)}`);
    return { values: { count: findings.length, listed: lines.slice(0, LISTED).join(' '), more: Math.max(0, lines.length - LISTED) }, details: { text: lines } };
  };
  throw new AppError('INVALID_INPUT', 'checks.blockingFindings', { ...worded(checksTranslatorIn('en')), inLanguage: (locale) => worded(checksTranslatorIn(locale)) });
}

type ChecksTranslatorOf = ReturnType<typeof checksTranslatorIn>;

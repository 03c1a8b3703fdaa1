import { DEFAULT_CHECK_SETTINGS } from './check-catalog';
import { checkBrackets } from './rules/brackets';
import { checkConsistency } from './rules/consistency';
import { checkEndPunctuation } from './rules/end-punctuation';
import { checkFootnotes } from './rules/footnotes';
import { checkGlossary } from './rules/glossary';
import { checkLength } from './rules/length';
import { checkNames } from './rules/names';
import { checkNumbers } from './rules/numbers';
import { checkRepeatedWords } from './rules/repeated-words';
import { checkSpacing } from './rules/spacing';
import { checkUntranslated } from './rules/untranslated';
import { shortHash } from './text';
import { CHECK_IDS, MAX_FINDING_KEY_CHARS, type CheckContext, type CheckId, type CheckSegment, type CheckSettings, type Finding } from './types';

/** Each check: the texts and the context in, its findings out. */
const RUNNERS: Record<CheckId, (segment: CheckSegment, context: CheckContext) => Finding[]> = {
  numbers: (segment) => checkNumbers(segment),
  footnotes: (segment, context) => checkFootnotes(segment, context.footnotes),
  brackets: (segment) => checkBrackets(segment),
  spacing: (segment) => checkSpacing(segment),
  untranslated: (segment) => checkUntranslated(segment),
  'end-punctuation': (segment) => checkEndPunctuation(segment),
  glossary: (segment, context) => checkGlossary(segment, context.glossary),
  names: (segment, context) => checkNames(segment, context.names),
  length: (segment, context) => checkLength(segment, context.lengthNorm),
  consistency: (segment, context) => checkConsistency(segment, context.otherTranslations),
  'repeated-words': (segment) => checkRepeatedWords(segment),
};

/**
 * Runs the checks a collection has switched on against one translation (docs/quality-checks.md):
 * pure and synchronous, the same in the browser as the volunteer types and on the server for the
 * review queue, the work's list and submissions. An empty translation has nothing to check yet.
 * Findings come in the order of the checks; keys are unique within a check (a second finding
 * with the same key gets `#2`), and no longer than {@link MAX_FINDING_KEY_CHARS}: a longer one
 * (a 400-digit "number") is cut and ends with its digest, so that it can still be dismissed.
 */
export function runChecks(segment: CheckSegment, context: CheckContext, settings: CheckSettings = DEFAULT_CHECK_SETTINGS, only?: ReadonlySet<CheckId>): Finding[] {
  if (segment.target.trim() === '') return [];
  const findings: Finding[] = [];
  for (const id of CHECK_IDS) {
    if (!settings[id].isEnabled || (only && !only.has(id))) continue;
    const seen = new Map<string, number>();
    for (const finding of RUNNERS[id](segment, context)) {
      const key = boundedKey(finding.key);
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      findings.push(count === 1 && key === finding.key ? finding : { ...finding, key: count === 1 ? key : `${key}#${count}` });
    }
  }
  return findings;
}

/** Room kept for a key's digest and a `#n` suffix. */
const DIGEST_ROOM = 20;

function boundedKey(key: string): string {
  return key.length <= MAX_FINDING_KEY_CHARS - DIGEST_ROOM ? key : `${key.slice(0, MAX_FINDING_KEY_CHARS - DIGEST_ROOM)}~${shortHash(key)}`;
}

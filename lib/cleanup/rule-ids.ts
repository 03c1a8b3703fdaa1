import type { CleanupRuleId } from './types';

/** Every cleanup rule id, for validating choices that come from forms and command lines. */
export const CLEANUP_RULE_IDS = [
  'web-boilerplate',
  'ellipses',
  'charset-punctuation',
  'letter-spacing',
  'inline-page-markers',
  'running-headers',
  'page-numbers',
  'dehyphenation',
  'line-joins',
  'quotation-marks',
  'footnote-markers',
  'lists',
  'block-quotes',
  'speaker-turns',
] as const satisfies readonly CleanupRuleId[];

// A rule added to the CleanupRuleId type but not listed here is a type error.
type Missing = Exclude<CleanupRuleId, (typeof CLEANUP_RULE_IDS)[number]>;
const isComplete: Missing extends never ? true : never = true;
void isComplete;

import type { useTranslations } from 'next-intl';

import type { CleanupRuleId, SummaryValues } from '@/lib/cleanup';
import { CLEANUP_RULE_IDS } from '@/lib/cleanup/rule-ids';

/** The import's messages (`useTranslations('import')`). */
export type ImportTranslator = ReturnType<typeof useTranslations<'import'>>;

/** Whether a rule id from a report is one of today's rules (a report may name a rule since removed). */
export function isCleanupRuleId(ruleId: string): ruleId is CleanupRuleId {
  return (CLEANUP_RULE_IDS as readonly string[]).includes(ruleId);
}

/** A rule's name in the interface's language; an unknown id as it is. */
export function cleanupRuleTitle(ruleId: string, t: ImportTranslator): string {
  return isCleanupRuleId(ruleId) ? t(`cleanupRules.${ruleId}.title`) : ruleId;
}

/** What a rule does, in the interface's language. */
export function cleanupRuleDescription(ruleId: CleanupRuleId, t: ImportTranslator): string {
  return t(`cleanupRules.${ruleId}.description`);
}

/**
 * What a rule found ("212 running headers removed"), in the interface's language from the rule's
 * figures; the rule's own English line when the figures are missing.
 */
export function cleanupRuleSummary(line: { ruleId: string; summary: string; summaryValues?: SummaryValues }, t: ImportTranslator): string {
  if (!line.summaryValues || !isCleanupRuleId(line.ruleId)) return line.summary;
  return t(`cleanupRules.${line.ruleId}.summary`, line.summaryValues);
}

import type { useTranslations } from 'next-intl';

import type { CleanupRuleId, SummaryValues } from '@/lib/cleanup';

/** The import's messages (`useTranslations('import')`). */
export type ImportTranslator = ReturnType<typeof useTranslations<'import'>>;

/** A rule's name in the interface's language. */
export function cleanupRuleTitle(ruleId: CleanupRuleId, t: ImportTranslator): string {
  return t(`cleanupRules.${ruleId}.title`);
}

/** What a rule does, in the interface's language. */
export function cleanupRuleDescription(ruleId: CleanupRuleId, t: ImportTranslator): string {
  return t(`cleanupRules.${ruleId}.description`);
}

/** What a rule found ("212 running headers removed"), in the interface's language from the rule's figures. */
export function cleanupRuleSummary(line: { ruleId: CleanupRuleId; summaryValues: SummaryValues }, t: ImportTranslator): string {
  return t(`cleanupRules.${line.ruleId}.summary`, line.summaryValues);
}

'use client';

import { useFormatter, useTranslations } from 'next-intl';

import { CLEANUP_RULES, type CleanupRuleId, type SummaryValues } from '@/lib/cleanup';
import { diffWords } from '@/lib/diff/word-diff';

import type { RuleFinding } from './cleanup-preview-session';
import { cleanupRuleDescription, cleanupRuleSummary, cleanupRuleTitle, type ImportTranslator } from './cleanup-rule-text';
import { DiffText } from '../diff/diff-text';
import { Badge } from '../ui/badge';
import { cn } from '../ui/cn';

/** Examples shown per rule. */
const EXAMPLES_SHOWN = 3;

/**
 * Up to three examples, preferring ones that read as text: OCR debris such as `..CT.T.T` is a
 * true example but tells the user little about what the rule does.
 */
function pickExamples(examples: RuleFinding['examples']): RuleFinding['examples'] {
  const letterShare = (text: string) => (text.match(/\p{L}/gu)?.length ?? 0) / Math.max(1, text.replace(/\s/g, '').length);
  const readable = examples.filter((example) => letterShare(example.before) >= 0.6);
  return [...readable, ...examples.filter((example) => !readable.includes(example))].slice(0, EXAMPLES_SHOWN);
}

/** An example's result, a found layout named in the interface's language ("[speaker: Wells] Text"). */
function exampleAfter(example: RuleFinding['examples'][number], t: ImportTranslator): string {
  const { layout } = example;
  return layout ? `[${t('ruleList.exampleLayout', { style: layout.style, name: layout.name })}] ${layout.text}` : example.after;
}

export interface CleanupRuleListProps {
  findings: readonly RuleFinding[];
  /** Counts from the run with the chosen rules (a rule finds less when an earlier one is off). */
  currentCounts: ReadonlyMap<CleanupRuleId, { count: number; summaryValues: SummaryValues }> | null;
  rules: Record<CleanupRuleId, boolean>;
  isDisabled: boolean;
  onRuleChange: (ruleId: CleanupRuleId, isOn: boolean) => void;
}

/** Each cleanup rule with what it found, examples before → after, and a switch. */
export function CleanupRuleList({ findings, currentCounts, rules, isDisabled, onRuleChange }: CleanupRuleListProps) {
  const t = useTranslations('import');
  const format = useFormatter();
  const byId = new Map(findings.map((finding) => [finding.ruleId, finding]));
  const found = CLEANUP_RULES.filter((rule) => (byId.get(rule.id)?.count ?? 0) > 0);
  const idle = CLEANUP_RULES.filter((rule) => (byId.get(rule.id)?.count ?? 0) === 0);
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-line rounded-lg border border-line bg-surface" aria-label={t('ruleList.found')}>
        {found.map((rule) => {
          const finding = byId.get(rule.id);
          const isOn = rules[rule.id];
          const current = isOn ? currentCounts?.get(rule.id) : undefined;
          const reported = current ?? finding;
          const summary = reported ? cleanupRuleSummary({ ruleId: rule.id, ...reported }, t) : '';
          const title = cleanupRuleTitle(rule.id, t);
          return (
            <li key={rule.id} data-cleanup-rule={rule.id} className={cn('px-4 py-3', !isOn && 'bg-stone-50')}>
              <div className="flex items-start gap-3">
                <input
                  id={`rule-${rule.id}`}
                  type="checkbox"
                  checked={isOn}
                  disabled={isDisabled}
                  onChange={(event) => onRuleChange(rule.id, event.target.checked)}
                  aria-describedby={`rule-${rule.id}-summary`}
                  className="mt-1 size-4 shrink-0 accent-accent-700"
                />
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                    <label htmlFor={`rule-${rule.id}`} className="font-medium text-ink">
                      {title}
                    </label>
                    <Badge tone={isOn ? 'accent' : 'neutral'} className="tabular-nums">
                      {format.number(finding?.count ?? 0)}
                    </Badge>
                  </div>
                  <p id={`rule-${rule.id}-summary`} className={cn('mt-0.5 text-sm', isOn ? 'text-ink-soft' : 'text-muted')}>
                    {isOn ? summary : t('ruleList.off', { summary })}
                  </p>
                  <p className="mt-0.5 text-xs text-muted">{cleanupRuleDescription(rule.id, t)}</p>
                  {finding && finding.examples.length > 0 && (
                    <ul className={cn('mt-2 space-y-1 text-sm', !isOn && 'opacity-60')} aria-label={t('ruleList.examples', { rule: title })}>
                      {pickExamples(finding.examples).map((example, index) => (
                        <li key={index} className="rounded bg-stone-50 px-2 py-1 font-mono text-[0.8rem] leading-relaxed text-ink-soft ring-1 ring-line">
                          <DiffText ops={diffWords(example.before.trim(), exampleAfter(example, t).trim())} isOneLine />
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {idle.length > 0 && (
        <p className="text-sm text-muted">
          {t('ruleList.idle', { rules: idle.map((rule) => cleanupRuleTitle(rule.id, t).toLocaleLowerCase()).join(', ') })}
        </p>
      )}
    </div>
  );
}

'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { CLEANUP_RULES, type CleanupRuleId } from '@/lib/cleanup';
import { diffWords } from '@/lib/diff/word-diff';
import type { ReimportSummary } from '@/lib/import/types';

import { DiffText } from '../diff/diff-text';
import { cleanupRuleDescription, cleanupRuleTitle } from '../import/cleanup-rule-text';
import { reimportWork } from '../import/import-api';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** Examples shown per kind of outcome. */
const EXAMPLES_SHOWN = 4;

/**
 * The cleanup rules as checkboxes, a dry run that shows what would change (counts and word-diff
 * examples) and the button that applies it as new revisions. Any change of the rules asks for a
 * new dry run first, so what is applied is what was shown.
 */
export function ReimportPanel({ workId, initialRules }: { workId: string; initialRules: Record<CleanupRuleId, boolean> }) {
  const t = useTranslations('reimport.panel');
  const tImport = useTranslations('import');
  const [rules, setRules] = useState(initialRules);
  const [preview, setPreview] = useState<ReimportSummary | null>(null);
  const [applied, setApplied] = useState<ReimportSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    setIsBusy(true);
    setFailure(null);
    const cleanup = { isEnabled: Object.values(rules).some(Boolean), rules };
    const result = await reimportWork(workId, { cleanup, dryRun });
    setIsBusy(false);
    if (!result.ok) setFailure(result.error.message);
    else if (dryRun) setPreview(result.data);
    else {
      setApplied(result.data);
      setPreview(null);
    }
  };

  const handleRuleChange = (ruleId: CleanupRuleId, isOn: boolean) => {
    setRules((current) => ({ ...current, [ruleId]: isOn }));
    setPreview(null);
    setApplied(null);
  };

  return (
    <div className="mt-8 space-y-6" aria-busy={isBusy}>
      <fieldset className="rounded-lg border border-line bg-surface">
        <legend className="sr-only">{t('rulesLegend')}</legend>
        <ul className="divide-y divide-line">
          {CLEANUP_RULES.map((rule) => (
            <li key={rule.id} className="flex items-start gap-3 px-4 py-3" data-cleanup-rule={rule.id}>
              <input
                id={`reimport-rule-${rule.id}`}
                type="checkbox"
                checked={rules[rule.id]}
                disabled={isBusy}
                onChange={(event) => handleRuleChange(rule.id, event.target.checked)}
                className="mt-1 size-4 shrink-0 accent-accent-700"
              />
              <div className="min-w-0">
                <label htmlFor={`reimport-rule-${rule.id}`} className="font-medium text-ink">{cleanupRuleTitle(rule.id, tImport)}</label>
                <p className="mt-0.5 text-xs text-muted">{cleanupRuleDescription(rule.id, tImport)}</p>
              </div>
            </li>
          ))}
        </ul>
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" disabled={isBusy} onClick={() => void run(true)}>
          {t('preview')}
        </Button>
        <Button disabled={isBusy || !preview || !hasWrites(preview)} onClick={() => void run(false)}>
          {t('apply')}
        </Button>
      </div>

      {failure && <Alert tone="error" title={t('failed')}>{failure}</Alert>}
      {applied && (
        <Alert tone="success" title={t('applied')}>
          <ReimportCounts summary={applied} />
          <Link href={`/works/${workId}`} className="mt-2 inline-block font-medium text-accent-700 underline">{t('back')}</Link>
        </Alert>
      )}
      {preview && <ReimportPreview summary={preview} />}
    </div>
  );
}

/** The re-run would write something: a retirement or a new layout alone is worth applying too. */
function hasWrites({ counts }: ReimportSummary): boolean {
  return counts.changed + counts.inserted + counts.retired + counts.restored + counts.layoutsChanged + counts.pagesMoved > 0;
}

function ReimportCounts({ summary }: { summary: ReimportSummary }) {
  const t = useTranslations('reimport.panel');
  const { counts } = summary;
  const dryRun = summary.isDryRun ? 'yes' : 'no';
  const lines = [
    t('changed', { count: counts.changed, dryRun }),
    t('inserted', { count: counts.inserted, dryRun }),
    t('retired', { count: counts.retired, dryRun }),
    t('restored', { count: counts.restored, dryRun }),
    t('layouts', { count: counts.layoutsChanged, dryRun }),
    t('pages', { count: counts.pagesMoved, dryRun }),
    t('unmatched', { count: counts.unmatchedOld }),
    t('keptEdited', { count: counts.keptEdited }),
    ...(summary.isDryRun ? [] : [t('conflicts', { count: counts.conflicts })]),
    t('unchanged', { count: counts.unchanged }),
  ];
  return (
    <ul className="list-inside list-disc space-y-0.5 text-sm" aria-label={t('countsLabel')}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function ReimportPreview({ summary }: { summary: ReimportSummary }) {
  const t = useTranslations('reimport.panel');
  const { examples } = summary;
  return (
    <section aria-labelledby="reimport-preview-heading" className="space-y-4 rounded-lg border border-line bg-surface p-5">
      <h2 id="reimport-preview-heading" className="font-serif text-xl font-semibold">{t('heading')}</h2>
      <ReimportCounts summary={summary} />
      <ExampleList title={t('examplesChanged')} items={examples.changed.map((example) => ({ key: example.segmentId, before: example.before, after: example.after }))} />
      <ExampleList title={t('examplesInserted')} items={examples.inserted.map((example, index) => ({ key: String(index), before: '', after: example.text }))} />
      <ExampleList title={t('examplesRetired')} items={examples.retired.map((example) => ({ key: example.segmentId, before: example.text, after: '' }))} />
      <ExampleList title={t('examplesRestored')} items={examples.restored.map((example) => ({ key: example.segmentId, before: '', after: example.text }))} />
      <ExampleList title={t('examplesUnmatched')} items={examples.unmatchedOld.map((example) => ({ key: example.segmentId, before: example.text, after: example.text }))} />
      <ExampleList title={t('examplesKeptEdited')} items={examples.keptEdited.map((example) => ({ key: example.segmentId, before: example.current, after: example.proposed }))} />
    </section>
  );
}

function ExampleList({ title, items }: { title: string; items: { key: string; before: string; after: string }[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold text-ink">{title}</h3>
      <ul className="mt-1 space-y-1 text-sm" aria-label={title}>
        {items.slice(0, EXAMPLES_SHOWN).map((item) => (
          <li key={item.key} className="rounded bg-stone-50 px-2 py-1 leading-relaxed text-ink-soft ring-1 ring-line">
            <DiffText ops={diffWords(item.before, item.after)} isOneLine />
          </li>
        ))}
      </ul>
    </div>
  );
}

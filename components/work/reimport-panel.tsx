'use client';

import Link from 'next/link';
import { useState } from 'react';

import { CLEANUP_RULES, type CleanupRuleId } from '@/lib/cleanup';
import { diffWords } from '@/lib/diff/word-diff';
import type { ReimportSummary } from '@/lib/import/types';

import { DiffText } from '../diff/diff-text';
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
        <legend className="sr-only">Cleanup rules</legend>
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
                <label htmlFor={`reimport-rule-${rule.id}`} className="font-medium text-ink">{rule.title}</label>
                <p className="mt-0.5 text-xs text-muted">{rule.description}</p>
              </div>
            </li>
          ))}
        </ul>
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" disabled={isBusy} onClick={() => void run(true)}>
          Preview changes
        </Button>
        <Button disabled={isBusy || !preview || !hasWrites(preview)} onClick={() => void run(false)}>
          Apply as new revisions
        </Button>
      </div>

      {failure && <Alert tone="error" title="The cleanup could not be re-run">{failure}</Alert>}
      {applied && (
        <Alert tone="success" title="Applied as new revisions">
          <ReimportCounts summary={applied} />
          <Link href={`/works/${workId}`} className="mt-2 inline-block font-medium text-accent-700 underline">Back to the work</Link>
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
  const { counts } = summary;
  const tense = (dryRun: string, done: string) => (summary.isDryRun ? dryRun : done);
  const lines = [
    `${counts.changed.toLocaleString('en')} texts ${tense('would change', 'changed')} (new cleanup revisions)`,
    `${counts.inserted.toLocaleString('en')} new segments ${tense('would be', 'were')} added`,
    `${counts.retired.toLocaleString('en')} segments the new text no longer has ${tense('would be', 'were')} retired (hidden, kept with their history)`,
    `${counts.restored.toLocaleString('en')} retired segments ${tense('would come', 'came')} back`,
    `${counts.layoutsChanged.toLocaleString('en')} paragraphs ${tense('would take', 'took')} a new layout (speaker turn, list item, quotation or prose)`,
    `${counts.pagesMoved.toLocaleString('en')} unchanged texts ${tense('would get', 'got')} new page anchors`,
    `${counts.unmatchedOld.toLocaleString('en')} edited segments have no counterpart in the new text and stay as they are`,
    `${counts.keptEdited.toLocaleString('en')} texts edited since the import are kept as edited`,
    ...(summary.isDryRun ? [] : [`${counts.conflicts.toLocaleString('en')} texts changed meanwhile and were left as they are`]),
    `${counts.unchanged.toLocaleString('en')} texts stay the same`,
  ];
  return (
    <ul className="list-inside list-disc space-y-0.5 text-sm" aria-label="Counts">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function ReimportPreview({ summary }: { summary: ReimportSummary }) {
  const { examples } = summary;
  return (
    <section aria-labelledby="reimport-preview-heading" className="space-y-4 rounded-lg border border-line bg-surface p-5">
      <h2 id="reimport-preview-heading" className="font-serif text-xl font-semibold">What would change</h2>
      <ReimportCounts summary={summary} />
      <ExampleList title="Changed texts" items={examples.changed.map((example) => ({ key: example.segmentId, before: example.before, after: example.after }))} />
      <ExampleList title="New segments" items={examples.inserted.map((example, index) => ({ key: String(index), before: '', after: example.text }))} />
      <ExampleList title="Retired (no longer in the text)" items={examples.retired.map((example) => ({ key: example.segmentId, before: example.text, after: '' }))} />
      <ExampleList title="Back from retirement" items={examples.restored.map((example) => ({ key: example.segmentId, before: '', after: example.text }))} />
      <ExampleList title="Edited segments without a counterpart (kept)" items={examples.unmatchedOld.map((example) => ({ key: example.segmentId, before: example.text, after: example.text }))} />
      <ExampleList title="Edited since the import (kept as edited)" items={examples.keptEdited.map((example) => ({ key: example.segmentId, before: example.current, after: example.proposed }))} />
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

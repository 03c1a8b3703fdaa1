'use client';

import type { CleanupRuleId } from '@/lib/cleanup';

import { CleanupDiffPreview } from './cleanup-diff-preview';
import type { CleanupAnalysis } from './cleanup-preview-session';
import { CleanupRuleList } from './cleanup-rule-list';
import { encodingLabel } from './encoding-label';
import type { CleanupPreviewState } from './use-cleanup-preview';
import { VolumeSplitProposal } from './volume-split-proposal';
import { Alert } from '../ui/alert';

export interface CleanupPanelProps {
  state: CleanupPreviewState;
  isEnabled: boolean;
  rules: Record<CleanupRuleId, boolean>;
  onEnabledChange: (isEnabled: boolean) => void;
  onRuleChange: (ruleId: CleanupRuleId, isOn: boolean) => void;
  onPageChange: (page: number) => void;
  /** Whether the user chose to import a proposed volume split as separate works. */
  isSplit: boolean;
  onSplitChange: (isSplit: boolean) => void;
}

/** The cleanup step of an import: how the text was read, what each rule would change, and the result. */
export function CleanupPanel({ state, isEnabled, rules, onEnabledChange, onRuleChange, onPageChange, isSplit, onSplitChange }: CleanupPanelProps) {
  const { analysis, preview } = state;
  const currentCounts = preview ? new Map(preview.counts.map(({ ruleId, count, summary }) => [ruleId, { count, summary }])) : null;
  return (
    <fieldset className="min-w-0 space-y-4" aria-describedby="cleanup-hint">
      <legend className="font-serif text-lg font-semibold">Cleanup</legend>
      <p id="cleanup-hint" className="text-sm text-muted">
        Scanned books and web pages bring running headers, broken lines and misread punctuation with them. Check what each rule would change; the original
        file is kept either way.
      </p>

      {analysis.status === 'loading' && (
        <p role="status" className="text-sm text-muted">
          Reading the text…
        </p>
      )}
      {analysis.status === 'error' && (
        <Alert tone="error" title="This file cannot be read">
          {analysis.message}
        </Alert>
      )}

      {analysis.status === 'ready' && (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-stone-50 px-4 py-3 ring-1 ring-line">
            <label className="flex items-center gap-3 font-medium text-ink">
              <input
                type="checkbox"
                role="switch"
                checked={isEnabled}
                onChange={(event) => onEnabledChange(event.target.checked)}
                className="size-4 accent-accent-700"
              />
              Clean up the text
            </label>
            <p className="text-sm text-muted" data-encoding={analysis.analysis.encoding ?? undefined}>
              {sourceLabel(analysis.analysis)} · {analysis.analysis.characters.toLocaleString('en')} characters
            </p>
          </div>
          {!isEnabled && (
            <p className="text-sm text-muted">
              {analysis.analysis.format === 'md'
                ? 'Markdown is usually clean already, so cleanup is off: the text is imported as written, its quotations and lists kept. Switch it on to use the rules below (speaker turns among them).'
                : 'Cleanup is off: the text is imported as written.'}
            </p>
          )}
          {analysis.analysis.findings.every((finding) => finding.count === 0) ? (
            <p className="text-sm text-muted">The rules found nothing to clean up in this text.</p>
          ) : (
            <CleanupRuleList findings={analysis.analysis.findings} currentCounts={currentCounts} rules={rules} isDisabled={!isEnabled} onRuleChange={onRuleChange} />
          )}
          {isEnabled && preview?.split && <VolumeSplitProposal works={preview.split} splitBy={preview.splitBy ?? 'contents'} isSplit={isSplit} onSplitChange={onSplitChange} />}
          {isEnabled && <CleanupDiffPreview preview={preview} isPreviewing={state.isPreviewing} error={state.previewError} onPageChange={onPageChange} />}
        </>
      )}
    </fieldset>
  );
}

/** How the text was read: "Read as UTF-8", "Word document", "Pasted text". */
function sourceLabel({ format, encoding }: CleanupAnalysis): string {
  if (format === 'docx') return 'Word document';
  return encoding ? `Read as ${encodingLabel(encoding)}` : 'Pasted text';
}

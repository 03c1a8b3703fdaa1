'use client';

import { useTranslations } from 'next-intl';

import type { CleanupRuleId } from '@/lib/cleanup';

import { CleanupDiffPreview } from './cleanup-diff-preview';
import type { CleanupAnalysis } from './cleanup-preview-session';
import { CleanupRuleList } from './cleanup-rule-list';
import type { ImportTranslator } from './cleanup-rule-text';
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
  const t = useTranslations('import');
  const { analysis, preview } = state;
  const currentCounts = preview ? new Map(preview.counts.map(({ ruleId, count, summaryValues }) => [ruleId, { count, summaryValues }])) : null;
  return (
    <fieldset className="min-w-0 space-y-4" aria-describedby="cleanup-hint">
      <legend className="font-serif text-lg font-semibold">{t('cleanup.legend')}</legend>
      <p id="cleanup-hint" className="text-sm text-muted">
        {t('cleanup.hint')}
      </p>

      {analysis.status === 'loading' && (
        <p role="status" className="text-sm text-muted">
          {t('cleanup.reading')}
        </p>
      )}
      {analysis.status === 'error' && (
        <Alert tone="error" title={t('cleanup.unreadable')}>
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
              {t('cleanup.switch')}
            </label>
            <p className="text-sm text-muted" data-encoding={analysis.analysis.encoding ?? undefined}>
              {sourceLine(analysis.analysis, t)}
            </p>
          </div>
          {!isEnabled && (
            <p className="text-sm text-muted">
              {analysis.analysis.format === 'md' ? t('cleanup.offMarkdown') : t('cleanup.off')}
            </p>
          )}
          {analysis.analysis.findings.every((finding) => finding.count === 0) ? (
            <p className="text-sm text-muted">{t('cleanup.nothingFound')}</p>
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

/** How the text was read and its length: "Read as UTF-8 · 12,000 characters", "Word document · …", "Pasted text · …". */
function sourceLine({ format, encoding, characters }: CleanupAnalysis, t: ImportTranslator): string {
  const source = format === 'docx' ? 'docx' : encoding ? 'encoding' : 'pasted';
  return t('cleanup.source', { source, encoding: encoding ? encodingLabel(encoding, t) : '', characters });
}

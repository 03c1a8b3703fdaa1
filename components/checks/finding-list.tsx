'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';

import { MAX_DISMISSAL_REASON_CHARS } from '@/lib/checks/schemas';
import type { CheckId, Dismissal, ShownFinding } from '@/lib/checks/types';

import { dismissFinding, restoreFinding } from './checks-api';
import { FindingMessage } from './finding-message';
import { cn } from '../ui/cn';

export interface FindingListProps {
  segmentId: string;
  /** The translation's language. */
  language: string;
  findings: readonly ShownFinding[];
  /** The viewer may dismiss and restore findings (editors). */
  canDismiss: boolean;
  onDismissed?: (dismissal: Dismissal) => void;
  onRestored?: (check: CheckId, key: string) => void;
  className?: string;
}

/**
 * What the quality checks found in one translation: each finding with its check's name (which
 * opens what the check looks at, why, and how to fix it) and its message; dismissed ones greyed,
 * with who dismissed them and why. Editors dismiss a finding with a reason, or restore it.
 */
export function FindingList({ segmentId, language, findings, canDismiss, onDismissed, onRestored, className }: FindingListProps) {
  const t = useTranslations('checks.list');
  if (findings.length === 0) return null;
  return (
    <ul aria-label={t('label')} data-findings={segmentId} className={cn('space-y-1 text-sm', className)}>
      {findings.map((finding) => (
        <FindingItem key={`${finding.check}\u0000${finding.key}`} segmentId={segmentId} language={language} finding={finding} canDismiss={canDismiss} onDismissed={onDismissed} onRestored={onRestored} />
      ))}
    </ul>
  );
}

function FindingItem({ segmentId, language, finding, canDismiss, onDismissed, onRestored }: { segmentId: string; language: string; finding: ShownFinding; canDismiss: boolean; onDismissed?: (dismissal: Dismissal) => void; onRestored?: (check: CheckId, key: string) => void }) {
  const [isDismissing, setIsDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const reasonId = useId();
  const t = useTranslations('checks');
  const isDismissed = finding.dismissal !== null;
  const ref = { segmentId, language, check: finding.check, key: finding.key };

  async function handleDismiss(event: FormEvent) {
    event.preventDefault();
    setState({ kind: 'busy' });
    const result = await dismissFinding({ ...ref, reason });
    if (!result.ok) return setState({ kind: 'error', message: result.error.message });
    setState({ kind: 'idle' });
    setIsDismissing(false);
    setReason('');
    onDismissed?.(result.data);
  }

  async function handleRestore() {
    setState({ kind: 'busy' });
    const result = await restoreFinding(ref);
    if (!result.ok) return setState({ kind: 'error', message: result.error.message });
    setState({ kind: 'idle' });
    onRestored?.(finding.check, finding.key);
  }

  return (
    <li data-finding={finding.check} data-finding-key={finding.key} data-dismissed={isDismissed ? '' : undefined} className={cn('rounded-md px-2 py-1', isDismissed ? 'bg-stone-50 text-muted' : finding.severity === 'error' ? 'bg-red-50 text-red-950' : 'bg-amber-50 text-amber-950')}>
      <div className="flex flex-wrap items-baseline gap-x-2">
        <details className="inline">
          <summary className="inline cursor-pointer list-none font-semibold underline decoration-dotted underline-offset-2">{t(`names.${finding.check}`)}</summary>
          <span className="mt-1 block space-y-1 text-xs font-normal text-ink-soft">
            <span className="block">{t(`descriptions.${finding.check}`)}</span>
            <span className="block">{t('list.why', { text: t(`why.${finding.check}`) })}</span>
            <span className="block">{t('list.fix', { text: t(`fixes.${finding.check}`) })}</span>
          </span>
        </details>
        <span className={cn(isDismissed && 'line-through decoration-1')}>
          <FindingMessage finding={finding} />
        </span>
        {canDismiss && !isDismissed && !isDismissing && (
          <button type="button" onClick={() => setIsDismissing(true)} className="ml-auto rounded px-1.5 text-xs font-medium text-accent-700 hover:bg-accent-50">
            {t('list.dismiss')}
          </button>
        )}
        {canDismiss && isDismissed && (
          <button type="button" disabled={state.kind === 'busy'} onClick={() => void handleRestore()} className="ml-auto rounded px-1.5 text-xs font-medium text-accent-700 hover:bg-accent-50">
            {t('list.restore')}
          </button>
        )}
      </div>
      {finding.dismissal && (
        <p className="text-xs" data-dismissal="">
          {finding.dismissal.by ? t('list.dismissedBy', { name: finding.dismissal.by.name, reason: finding.dismissal.reason }) : t('list.dismissed', { reason: finding.dismissal.reason })}
        </p>
      )}
      {isDismissing && (
        <form onSubmit={(event) => void handleDismiss(event)} className="mt-1 flex flex-wrap items-center gap-2 text-xs">
          <label htmlFor={reasonId}>{t('list.reasonLabel')}</label>
          <input id={reasonId} value={reason} onChange={(event) => setReason(event.target.value)} maxLength={MAX_DISMISSAL_REASON_CHARS} required className="h-7 min-w-48 flex-1 rounded border border-line-strong bg-surface px-2 text-ink" />
          <button type="submit" disabled={state.kind === 'busy' || reason.trim() === ''} className="rounded bg-accent-600 px-2 py-1 font-medium text-white hover:bg-accent-700 disabled:opacity-50">
            {t('list.dismiss')}
          </button>
          <button type="button" onClick={() => setIsDismissing(false)} className="rounded px-2 py-1 text-accent-700 hover:bg-accent-50">
            {t('list.cancel')}
          </button>
        </form>
      )}
      {state.kind === 'error' && (
        <p role="alert" className="text-xs text-red-700">
          {state.message}
        </p>
      )}
    </li>
  );
}

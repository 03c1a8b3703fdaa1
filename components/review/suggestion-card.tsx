'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useId, type ReactNode } from 'react';

import { hunkExcerpt, toHunks, type DiffPart } from '@/lib/diff/hunks';
import { diffWords } from '@/lib/diff/word-diff';
import { REJECT_REASONS } from '@/lib/review/schemas';

import type { QueueEntry as Entry } from './review-api';
import type { ReviewItemState } from './review-item-state';
import { structureOf } from './structure-of';
import { SuggestionFindings } from '../checks/suggestion-findings';
import { DiffText } from '../diff/diff-text';
import { MachineLabel } from '../machine-translation/machine-label';
import { StructureBlockers, StructureReview } from '../structure/structure-review';
import { structureBlockerLine } from '../structure/structure-text';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { Select } from '../ui/select';
import { Textarea } from '../ui/textarea';

export interface SuggestionCardProps {
  item: Entry;
  state: ReviewItemState;
  isSelected: boolean;
  isOwn: boolean;
  languageName: string;
  sourceLanguageName: string | null;
  /** Names of languages by tag (the translations of a structural change). */
  languageNames: Readonly<Record<string, string>>;
  onSelect: () => void;
  onChange: (patch: Partial<ReviewItemState>) => void;
  onApprove: () => void;
  onApproveText: (text: string) => void;
  onReject: () => void;
  onSkip: () => void;
}

/** "today", "3 days ago", in the interface's language. */
function age(date: string | Date, locale: string): string {
  const days = Math.round((new Date(date).getTime() - Date.now()) / 86_400_000);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
}

/**
 * One suggestion in the queue: where it is, who made it, the source beside a translation, the word
 * diff against the published text with every change kept or turned down on its own, what the
 * quality checks find in a translation (a reviewer may dismiss a finding), and the reviewer's
 * actions (approve, reject with a reason, edit then approve, skip).
 */
export function SuggestionCard({ item, state, isSelected, isOwn, languageName, sourceLanguageName, languageNames, onSelect, onChange, onApprove, onApproveText, onReject, onSkip }: SuggestionCardProps) {
  const t = useTranslations('suggestion');
  const reasons = useTranslations('rejectReasons');
  const tStructure = useTranslations('structure');
  const locale = useLocale();
  const headingId = useId();
  const parts = toHunks(item.diff);
  const turnedDown = state.rejectedHunks.size;
  const toggleHunk = (hunk: number) => {
    const next = new Map(state.rejectedHunks);
    if (next.has(hunk)) next.delete(hunk);
    else next.set(hunk, { reason: 'NOT_IN_ORIGINAL', note: '' });
    onChange({ rejectedHunks: next });
  };
  const disabled = state.isBusy || isOwn;
  const structure = structureOf(item);
  const blockersId = useId();
  return (
    <article
      aria-labelledby={headingId}
      data-suggestion={item.suggestionId}
      data-selected={isSelected || undefined}
      onFocus={onSelect}
      onClick={onSelect}
      className={cn('rounded-lg border bg-surface p-4 shadow-sm transition-colors', isSelected ? 'border-accent-500 ring-2 ring-accent-200' : 'border-line')}
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <h2 id={headingId} className="font-medium">
          <Link href={`/works/${item.work.id}/edit?lang=${item.language}`} className="text-accent-800 hover:underline">
            {item.work.title}
          </Link>
        </h2>
        <Badge tone="neutral">{languageName}</Badge>
        <Badge tone={item.kind === 'CORRECTION' ? 'neutral' : 'accent'}>{t(`kind${item.kind}`)}</Badge>
        {item.status === 'APPROVED' && <Badge tone="success">{t('approvedOnce')}</Badge>}
        {item.isStale && !structure && <Badge tone="warning">{t('stale')}</Badge>}
        {item.machine && <MachineLabel origin={item.machine} />}
        <span className="text-muted">
          {t.rich('by', {
            age: age(item.createdAt, locale),
            author: () =>
              item.author ? (
                <Link href={`/review?author=${item.author.id}`} title={t('onlyAuthor', { name: item.author.name })} className="hover:text-ink hover:underline">
                  {item.author.name}
                </Link>
              ) : (
                t('formerMember')
              ),
          })}
        </span>
        <Link href={`/review?work=${item.work.id}`} className="text-xs text-muted hover:text-ink hover:underline">
          {t('onlyThisWork')}
        </Link>
        <Link href={`/s/${item.segmentId}/discussion`} className="ml-auto text-xs text-muted hover:text-ink hover:underline">
          {t('discussion')}
        </Link>
      </header>

      {structure && <StructureReview preview={structure.preview} note={structure.note} sourceLanguage={item.work.sourceLanguage} languageNames={languageNames} />}

      {!structure && item.sourceText !== null && (
        <p className="mt-3 rounded-md bg-stone-50 px-3 py-2 font-serif text-ink-soft">
          <span className="mr-2 text-xs font-semibold tracking-wide text-muted uppercase">{sourceLanguageName ?? t('source')}</span>
          {item.sourceText}
        </p>
      )}

      {item.repetitionOf && (
        <p data-repetition-of={item.repetitionOf.segmentId} className="mt-2 text-sm text-ink-soft">
          {t.rich('repetition', {
            where: item.repetitionOf.workId === item.work.id ? 'here' : 'other',
            work: item.repetitionOf.workTitle,
            link: (chunks) => (
              <Link href={`/s/${item.repetitionOf?.segmentId ?? ''}`} className="text-accent-800 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}

      {!structure && (
        <div className="mt-3 font-serif text-[1.0625rem] leading-relaxed" data-diff="">
          <span className="sr-only">{t('changesAgainstPublished')} </span>
          {parts.length === 0 ? <span className="text-muted">{t('empty')}</span> : parts.map((part, index) => <DiffPartView key={index} part={part} isRejected={part.kind === 'change' && state.rejectedHunks.has(part.hunk)} onToggle={toggleHunk} isDisabled={disabled} />)}
        </div>
      )}

      {!structure && item.findings.length > 0 && <SuggestionFindings key={item.suggestionId} segmentId={item.segmentId} language={item.language} findings={item.findings} canDismiss={!isOwn} />}

      {turnedDown > 0 && (
        <ul aria-label={t('turnedDownList')} className="mt-3 space-y-2 text-sm">
          {parts.map((part) => {
            if (part.kind !== 'change') return null;
            const decision = state.rejectedHunks.get(part.hunk);
            if (!decision) return null;
            const update = (patch: Partial<typeof decision>) => onChange({ rejectedHunks: new Map(state.rejectedHunks).set(part.hunk, { ...decision, ...patch }) });
            return (
              <li key={part.hunk} className="grid items-center gap-2 sm:grid-cols-[minmax(0,12rem)_13rem_minmax(0,1fr)]">
                <span className="truncate font-serif" title={hunkExcerpt(part)}>
                  <span className="sr-only">{t('turnedDownPrefix')} </span>
                  {hunkExcerpt(part)}
                </span>
                <Select aria-label={t('whyTurnedDown', { excerpt: hunkExcerpt(part) })} value={decision.reason} onChange={(event) => update({ reason: event.target.value as typeof decision.reason })} className="h-8 py-0 text-sm">
                  {REJECT_REASONS.map((code) => (
                    <option key={code} value={code}>
                      {reasons(code)}
                    </option>
                  ))}
                </Select>
                <input aria-label={t('note')} placeholder={t('noteOptional')} value={decision.note} onChange={(event) => update({ note: event.target.value })} className="h-8 min-w-0 rounded-md border border-line-strong bg-surface px-2 text-sm" />
              </li>
            );
          })}
        </ul>
      )}

      {state.mode === 'reject' && (
        <RejectForm state={state} onChange={onChange} onReject={onReject} />
      )}
      {state.mode === 'edit' && (
        <TextForm label={t('editedText')} hint={t('editedHint')} value={state.editText} onChange={(editText) => onChange({ editText })} onSubmit={() => onApproveText(state.editText)} submitLabel={t('approveEdited')} onCancel={() => onChange({ mode: 'view' })} isBusy={state.isBusy} />
      )}
      {state.mode === 'conflict' && state.conflict && (
        <div className="mt-4 space-y-3 rounded-md border border-amber-200 bg-amber-50/60 p-3 text-sm" data-conflict="">
          <p className="font-medium text-amber-900">{t('conflict')}</p>
          <Change label={t('publishedMeanwhile')}>
            <DiffText ops={diffWords(state.conflict.baseText, state.conflict.currentText)} />
          </Change>
          <Change label={t('thisSuggestion')}>
            <DiffText ops={diffWords(state.conflict.baseText, state.conflict.suggestedText)} />
          </Change>
          <TextForm
            label={t('resolution')}
            hint={state.conflict.mergeProposal !== null ? t('merged') : t('sameWords')}
            value={state.editText}
            onChange={(editText) => onChange({ editText })}
            onSubmit={() => onApproveText(state.editText)}
            submitLabel={t('approveResolution')}
            onCancel={() => onChange({ mode: 'view' })}
            isBusy={state.isBusy}
          />
        </div>
      )}

      {state.error && (
        <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-sm text-red-900">
          {state.error}
        </p>
      )}

      {state.mode === 'view' && structure && <StructureBlockers id={blockersId} blockers={structure.preview.blockers} />}

      {state.mode === 'view' && (
        <div className="mt-4 flex flex-wrap items-center gap-2">
          {isOwn ? (
            <p className="text-sm text-muted">{t('ownSuggestion')}</p>
          ) : structure ? (
            <>
              <Button
                size="sm"
                onClick={onApprove}
                disabled={disabled || structure.preview.blockers.length > 0}
                aria-describedby={structure.preview.blockers.length > 0 ? blockersId : undefined}
                title={structure.preview.blockers.length > 0 ? t('cannotApprove', { blockers: structure.preview.blockers.map((blocker) => structureBlockerLine(blocker, tStructure)).join('; ') }) : undefined}
                aria-keyshortcuts="A"
              >
                {item.status === 'APPROVED' ? t('validate') : t('approve')}
              </Button>
              <Button size="sm" variant="secondary" onClick={() => onChange({ mode: 'reject', error: null })} disabled={disabled} aria-keyshortcuts="R">
                {t('reject')}
              </Button>
            </>
          ) : (
            <>
              <Button size="sm" onClick={onApprove} disabled={disabled} aria-keyshortcuts="A">
                {turnedDown > 0 ? t('approveRest', { count: turnedDown }) : item.status === 'APPROVED' ? t('validate') : t('approve')}
              </Button>
              <Button size="sm" variant="secondary" onClick={() => onChange({ mode: 'reject', error: null })} disabled={disabled} aria-keyshortcuts="R">
                {t('reject')}
              </Button>
              <Button size="sm" variant="secondary" onClick={() => onChange({ mode: 'edit', editText: item.suggestedText, error: null })} disabled={disabled} aria-keyshortcuts="E">
                {t('editThenApprove')}
              </Button>
            </>
          )}
          <Button size="sm" variant="ghost" onClick={onSkip} aria-keyshortcuts="S">
            {t('skip')}
          </Button>
        </div>
      )}
    </article>
  );
}

function DiffPartView({ part, isRejected, onToggle, isDisabled }: { part: DiffPart; isRejected: boolean; onToggle: (hunk: number) => void; isDisabled: boolean }) {
  const t = useTranslations('suggestion');
  if (part.kind === 'equal') return <span className="whitespace-pre-wrap">{part.text}</span>;
  return (
    <button
      type="button"
      aria-pressed={isRejected}
      disabled={isDisabled}
      title={isRejected ? t('keepChange') : t('turnDownChange')}
      onClick={(event) => {
        event.stopPropagation();
        onToggle(part.hunk);
      }}
      data-hunk={part.hunk}
      className={cn('rounded-sm px-0.5 text-left align-baseline hover:ring-1 hover:ring-stone-300 disabled:cursor-default', isRejected && 'opacity-60 line-through decoration-2')}
    >
      <span className="sr-only">{isRejected ? t('turnedDownChange') : t('change')}{' '}</span>
      <DiffText ops={[...(part.deleted ? [{ kind: 'delete' as const, text: part.deleted }] : []), ...(part.inserted ? [{ kind: 'insert' as const, text: part.inserted }] : [])]} />
    </button>
  );
}

function Change({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <p className="text-xs font-semibold tracking-wide text-muted uppercase">{label}</p>
      <p className="font-serif text-base">{children}</p>
    </div>
  );
}

function RejectForm({ state, onChange, onReject }: { state: ReviewItemState; onChange: (patch: Partial<ReviewItemState>) => void; onReject: () => void }) {
  const t = useTranslations('suggestion');
  const reasons = useTranslations('rejectReasons');
  const noteId = useId();
  return (
    <form
      className="mt-4 space-y-3 rounded-md border border-line bg-stone-50 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        onReject();
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium">{t('whyRejected')}</legend>
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {REJECT_REASONS.map((code, index) => (
            <label key={code} className="inline-flex items-center gap-1.5">
              <input type="radio" name="reason" value={code} checked={state.reason === code} onChange={() => onChange({ reason: code })} autoFocus={index === 0} />
              {reasons(code)}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={noteId} className="text-sm font-medium">
          {t('noteForAuthor', { required: state.reason === 'OTHER' ? 'yes' : 'no' })}
        </label>
        <Textarea id={noteId} rows={2} value={state.note} maxLength={2000} onChange={(event) => onChange({ note: event.target.value })} className="mt-1" />
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="danger" disabled={state.isBusy}>
          {t('rejectButton')}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onChange({ mode: 'view', error: null })}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

function TextForm({ label, hint, value, onChange, onSubmit, submitLabel, onCancel, isBusy }: { label: string; hint: string; value: string; onChange: (value: string) => void; onSubmit: () => void; submitLabel: string; onCancel: () => void; isBusy: boolean }) {
  const t = useTranslations('suggestion');
  const id = useId();
  return (
    <form
      className="mt-4 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <p className="text-xs text-muted">{hint}</p>
      <Textarea id={id} value={value} onChange={(event) => onChange(event.target.value)} rows={3} className="font-serif" autoFocus />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isBusy}>
          {submitLabel}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

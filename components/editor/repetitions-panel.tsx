'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

import type { FilledRepetitions, RepetitionOccurrence, Repetitions } from '@/lib/memory/repetition-schemas';

import { describeRepetitions, fetchRepetitions, fillRepetitions } from './repetitions-api';
import { Button } from '../ui/button';

/** The translated segment whose repetitions are offered: its id, its number in the editor and the translation to fill them with. */
export interface RepetitionsTarget {
  segmentId: string;
  number: number;
  text: string;
}

export interface RepetitionsPanelProps {
  workId: string;
  /** The work's source language (the sentences) and the language translated into. */
  sourceLanguage: string;
  language: string;
  target: RepetitionsTarget;
  /** The first row of each chunk in the editor's list, to number this work's occurrences. */
  chunkStarts: readonly number[];
  /** Moves to a row of this work (its index in the list). */
  onGoTo: (index: number) => void;
  /** The occurrences were filled: what happened, and the chunks of this work whose rows changed. */
  onFilled: (result: FilledRepetitions, chunks: number[]) => void;
  /** Closes the panel (the caret goes back to the translated draft when `returnFocus`). */
  onClose: (returnFocus: boolean) => void;
}

type State = { status: 'loading' } | { status: 'ready'; repetitions: Repetitions } | { status: 'error'; message: string };

const CONTEXT_CHARS = 70;
/** Whether a key press is the panel's shortcut, Alt+R (the physical key: Option+R types “®” on a Mac). */
const isPanelKey = (event: globalThis.KeyboardEvent) => event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && (event.code === 'KeyR' || event.key.toLowerCase() === 'r');

/**
 * Offers to fill the other occurrences of a sentence just translated: "This sentence occurs N more
 * times in this work (M in the volume)", each occurrence with its context to review and uncheck,
 * and one action that suggests the translation for the checked ones (each still reviewed). Shown
 * only when there is something to fill; announced to screen readers, Alt+R moves into it, Escape
 * closes it and gives the caret back to the draft.
 */
export function RepetitionsPanel({ workId, sourceLanguage, language, target, chunkStarts, onGoTo, onFilled, onClose }: RepetitionsPanelProps) {
  const t = useTranslations('editor.repetitions');
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [fill, setFill] = useState<{ status: 'idle' } | { status: 'filling' } | { status: 'error'; message: string }>({ status: 'idle' });

  useEffect(() => {
    const controller = new AbortController();
    void fetchRepetitions({ workId, segmentId: target.segmentId, language, signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return;
      setState(result.ok ? { status: 'ready', repetitions: result.data } : { status: 'error', message: result.error.message });
    });
    return () => controller.abort();
  }, [workId, target.segmentId, language]);

  const repetitions = state.status === 'ready' ? state.repetitions : null;
  const occurrences = repetitions?.occurrences ?? [];
  const isEmpty = state.status !== 'loading' && occurrences.length === 0;
  // Nothing to offer (or the question could not be asked): the panel goes away unseen.
  useEffect(() => {
    if (isEmpty) onClose(false);
  }, [isEmpty, onClose]);

  useEffect(() => {
    if (isEmpty || state.status !== 'ready') return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!isPanelKey(event)) return;
      event.preventDefault();
      heading.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [isEmpty, state.status]);

  if (!repetitions || occurrences.length === 0) return null;

  const chosen = occurrences.filter((occurrence) => !unchecked.has(occurrence.segmentId));
  const titles = new Map(repetitions.otherWorks.map((work) => [work.id, work.title]));
  const total = repetitions.counts.work + repetitions.counts.otherWorks;
  const summary = describeRepetitions({ number: target.number, counts: repetitions.counts }, t);

  const toggle = (segmentId: string) =>
    setUnchecked((current) => {
      const next = new Set(current);
      if (!next.delete(segmentId)) next.add(segmentId);
      return next;
    });
  const handleFill = async () => {
    if (chosen.length === 0 || fill.status === 'filling') return;
    setFill({ status: 'filling' });
    const result = await fillRepetitions({ workId, segmentId: target.segmentId, language, text: target.text, segmentIds: chosen.map((occurrence) => occurrence.segmentId), t });
    if (!result.ok) return setFill({ status: 'error', message: result.error.message });
    onFilled(result.data, [...new Set(chosen.filter((occurrence) => occurrence.workId === workId).map((occurrence) => occurrence.chunk))]);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose(true);
  };

  return (
    <section aria-labelledby={headingId} data-repetitions={target.segmentId} onKeyDown={handleKeyDown} className="space-y-2 rounded-md border border-accent-200 bg-accent-50/60 px-3 py-2.5 text-sm">
      <p role="status" className="sr-only">
        {t('announce', { summary })}
      </p>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="font-medium text-ink focus:outline-none focus-visible:underline">
          {summary}
        </h2>
        <span data-keyboard-hint="" className="text-xs text-muted">
          {t.rich('keys', { kbd: (chunks) => <kbd className="font-sans">{chunks}</kbd> })}
        </span>
      </div>
      <p className="text-ink-soft">
        {t.rich('intro', {
          text: target.text,
          draft: (chunks) => (
            <span lang={language} className="font-serif text-ink">
              {chunks}
            </span>
          ),
        })}
      </p>
      <fieldset>
        <legend className="sr-only">{t('occurrences')}</legend>
        <ul className="max-h-56 divide-y divide-accent-100 overflow-y-auto rounded border border-accent-100 bg-surface">
          {occurrences.map((occurrence) => (
            <OccurrenceItem
              key={occurrence.segmentId}
              occurrence={occurrence}
              isChecked={!unchecked.has(occurrence.segmentId)}
              onToggle={toggle}
              language={language}
              sourceLanguage={sourceLanguage}
              number={occurrence.workId === workId ? (chunkStarts[occurrence.chunk] ?? 0) + occurrence.position + 1 : null}
              workTitle={titles.get(occurrence.workId) ?? null}
              onGoTo={onGoTo}
            />
          ))}
        </ul>
      </fieldset>
      {total > occurrences.length && <p className="text-xs text-muted">{t('partial', { shown: occurrences.length, total })}</p>}
      {fill.status === 'error' && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-2 py-1 text-red-900">
          {fill.message}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => void handleFill()} disabled={chosen.length === 0 || fill.status === 'filling'} aria-busy={fill.status === 'filling'}>
          {fill.status === 'filling' ? t('filling') : t('fill', { count: chosen.length })}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setUnchecked(chosen.length === occurrences.length ? new Set(occurrences.map((occurrence) => occurrence.segmentId)) : new Set())}>
          {chosen.length === occurrences.length ? t('uncheckAll') : t('checkAll')}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => onClose(true)} className="ml-auto">
          {t('notNow')}
        </Button>
      </div>
    </section>
  );
}

/** One occurrence: its checkbox, where it is (a row of this work, or another work of the volume) and the sentences around it. */
function OccurrenceItem({ occurrence, isChecked, onToggle, language, sourceLanguage, number, workTitle, onGoTo }: { occurrence: RepetitionOccurrence; isChecked: boolean; onToggle: (segmentId: string) => void; language: string; sourceLanguage: string; number: number | null; workTitle: string | null; onGoTo: (index: number) => void }) {
  const t = useTranslations('editor.repetitions');
  const before = occurrence.previousText ? `…${occurrence.previousText.slice(-CONTEXT_CHARS)} ` : '';
  const after = occurrence.nextText ? ` ${occurrence.nextText.slice(0, CONTEXT_CHARS)}…` : '';
  return (
    <li data-repetition={occurrence.segmentId} className="flex items-start gap-2 px-2 py-1.5">
      <label className="flex min-w-0 flex-1 cursor-pointer items-start gap-2">
        <input type="checkbox" checked={isChecked} onChange={() => onToggle(occurrence.segmentId)} className="mt-1" />
        <span className="min-w-0">
          <span className="block text-xs font-medium text-muted">{number !== null ? t('segment', { number }) : workTitle !== null ? t('otherWork', { work: workTitle }) : t('unknownWork')}</span>
          <span lang={sourceLanguage} className="block font-serif text-ink-soft">
            {before}
            <mark className="bg-amber-100 text-ink">{occurrence.text}</mark>
            {after}
          </span>
        </span>
      </label>
      {number !== null ? (
        <button type="button" onClick={() => onGoTo(number - 1)} className="shrink-0 rounded px-1.5 py-0.5 text-xs font-medium text-accent-700 hover:bg-accent-50">
          {t.rich('goTo', { number, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
        </button>
      ) : (
        <Link href={`/works/${occurrence.workId}/edit?lang=${encodeURIComponent(language)}&segment=${occurrence.segmentId}`} target="_blank" className="shrink-0 rounded px-1.5 py-0.5 text-xs font-medium text-accent-700 hover:bg-accent-50">
          {workTitle !== null ? t.rich('openIn', { work: workTitle, hidden: (chunks) => <span className="sr-only">{chunks}</span> }) : t.rich('openInItsWork', { hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
        </Link>
      )}
    </li>
  );
}

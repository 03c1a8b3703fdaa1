'use client';

import { useTranslations } from 'next-intl';
import { Fragment, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

import { describePoint, initialPoint, splitPoints } from './split-points';
import { cn } from '../ui/cn';

export interface SplitPointPickerProps {
  text: string;
  language: string;
  /** What is being chosen, for screen readers ("Where to split", "Where the reference goes"). */
  label: string;
  /** Offer the end of the text too (a footnote reference), and start there. */
  includeEnd?: boolean;
  /** The point chosen: Enter, or a click on a gap. */
  onConfirm: (offset: number) => void;
  onCancel: () => void;
  /** The point under the cursor changed (before it is confirmed). */
  onMove?: (offset: number) => void;
  autoFocus?: boolean;
}

/**
 * Chooses a point in a text: every gap between words is a place to click, sentence ends are
 * highlighted; from the keyboard the arrows move the cut (Ctrl+arrows or Page Up/Down from one
 * sentence end to the next, Home/End to the first and last gap), Enter confirms, Escape cancels.
 */
export function SplitPointPicker({ text, language, label, includeEnd = false, onConfirm, onCancel, onMove, autoFocus = true }: SplitPointPickerProps) {
  const t = useTranslations('structure');
  const tPoints = useTranslations('structure.points');
  const points = useMemo(() => splitPoints(text, { includeEnd }), [text, includeEnd]);
  const [current, setCurrent] = useState(() => initialPoint(points, text.length, { preferEnd: includeEnd }));
  const slider = useRef<HTMLDivElement>(null);
  // The focus lands on the text when the picker opens: the arrows move the cut at once.
  useEffect(() => {
    if (autoFocus) slider.current?.focus();
  }, [autoFocus]);
  if (points.length === 0) return <p className="text-sm text-muted">{t('picker.noGaps')}</p>;
  const point = points[current] ?? points[0];
  const move = (index: number) => {
    const next = Math.max(0, Math.min(points.length - 1, index));
    setCurrent(next);
    const offset = points[next]?.offset;
    if (offset !== undefined) onMove?.(offset);
  };
  const nextSentenceEnd = (step: 1 | -1) => {
    for (let index = current + step; index >= 0 && index < points.length; index += step) if (points[index]?.isSentenceEnd) return index;
    return step === 1 ? points.length - 1 : 0;
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const jump = event.ctrlKey || event.metaKey;
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(jump ? nextSentenceEnd(1) : current + 1),
      ArrowDown: () => move(jump ? nextSentenceEnd(1) : current + 1),
      ArrowLeft: () => move(jump ? nextSentenceEnd(-1) : current - 1),
      ArrowUp: () => move(jump ? nextSentenceEnd(-1) : current - 1),
      PageDown: () => move(nextSentenceEnd(1)),
      PageUp: () => move(nextSentenceEnd(-1)),
      Home: () => move(0),
      End: () => move(points.length - 1),
      Enter: () => point && onConfirm(point.offset),
      ' ': () => point && onConfirm(point.offset),
      Escape: onCancel,
    };
    const run = keys[event.key];
    if (!run) return;
    event.preventDefault();
    event.stopPropagation();
    run();
  };
  return (
    <div className="space-y-2">
      <div
        ref={slider}
        role="slider"
        tabIndex={0}
        aria-label={label}
        aria-valuemin={1}
        aria-valuemax={points.length}
        aria-valuenow={current + 1}
        aria-valuetext={point ? t('picker.value', { point: describePoint(text, point.offset, tPoints), sentenceEnd: point.isSentenceEnd ? 'yes' : 'no' }) : ''}
        aria-keyshortcuts="ArrowLeft ArrowRight Control+ArrowLeft Control+ArrowRight Home End Enter Escape"
        data-split-picker=""
        data-offset={point?.offset}
        onKeyDown={handleKeyDown}
        lang={language}
        className="max-h-64 overflow-y-auto rounded-md border border-line-strong bg-surface px-3 py-2 font-serif text-[1.0625rem] leading-loose focus:border-accent-500 focus:ring-2 focus:ring-accent-200 focus:outline-none"
      >
        {points.map((candidate, index) => {
          const piece = text.slice(index === 0 ? 0 : (points[index - 1]?.offset ?? 0), candidate.offset);
          const isCurrent = index === current;
          return (
            <Fragment key={candidate.offset}>
              {piece}
              <button
                type="button"
                tabIndex={-1}
                aria-hidden="true"
                data-gap={candidate.offset}
                data-current={isCurrent || undefined}
                data-sentence-end={candidate.isSentenceEnd || undefined}
                title={t(candidate.isSentenceEnd ? 'picker.cutAtSentenceEnd' : 'picker.cutHere')}
                onClick={() => {
                  move(index);
                  onConfirm(candidate.offset);
                }}
                className={cn(
                  'mx-px inline-block h-[1.3em] w-2 rounded-sm align-middle transition-colors hover:bg-accent-300',
                  candidate.isSentenceEnd ? 'bg-amber-200 ring-1 ring-amber-400' : 'bg-stone-200',
                  isCurrent && 'w-1 bg-accent-700 ring-2 ring-accent-300',
                )}
              />
            </Fragment>
          );
        })}
        {text.slice(points.at(-1)?.offset ?? 0)}
      </div>
      <p className="text-xs text-muted">{t.rich('picker.keys', { kbd: (chunks: ReactNode) => <kbd className="rounded border border-line-strong px-1 font-sans">{chunks}</kbd> })}</p>
    </div>
  );
}

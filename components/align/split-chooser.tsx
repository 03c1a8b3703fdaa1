'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';

import { splitPoints, type SplitPoint } from '@/lib/align/split-points';

import { Button } from '../ui/button';
import { cn } from '../ui/cn';

export interface SplitChooserProps {
  text: string;
  language: string;
  /** The point chosen when the chooser opens (the suggestion); else the first sentence end. */
  initialOffset: number | null;
  /** Where the part after the point goes, e.g. “row #4, as its own translation”. */
  destination: string;
  isBusy: boolean;
  onApply: (offset: number) => void;
  onCancel: () => void;
}

/** Longest word kept on one line with the gap after it. */
const NO_WRAP_CHARS = 30;

/** Words on each side of a point quoted in messages. */
const QUOTED_WORDS = 6;
/** How far back the words before a point are looked for. */
const QUOTED_CHARS = 400;

/** The last few words before `offset`, as the chooser and the suggestion quote them. */
export function wordsBefore(text: string, offset: number): string {
  // Only the end of the text before is read: every gap of a long text is labelled on each key press.
  const start = Math.max(0, offset - QUOTED_CHARS);
  const words = text.slice(start, offset).trim().split(/\s+/u);
  return `${words.length > QUOTED_WORDS || start > 0 ? '…' : ''}${words.slice(-QUOTED_WORDS).join(' ')}`;
}

function initialIndex(points: readonly SplitPoint[], offset: number | null): number {
  const suggested = points.findIndex((point) => point.offset === offset);
  if (suggested >= 0) return suggested;
  const sentenceEnd = points.findIndex((point) => point.isSentenceEnd);
  return sentenceEnd >= 0 ? sentenceEnd : Math.floor((points.length - 1) / 2);
}

/**
 * Chooses where to divide a translation: the text with a clickable gap between every two words
 * (sentence ends marked as the likely points), the chosen point drawn as a cut, and both parts
 * previewed before anything is sent. Keyboard: ←/→ move the cut word by word, ↑/↓ sentence by
 * sentence, Home/End to the first/last point, Enter splits, Escape cancels.
 */
export function SplitChooser({ text, language, initialOffset, destination, isBusy, onApply, onCancel }: SplitChooserProps) {
  const t = useTranslations('align.splitChooser');
  const points = useMemo(() => splitPoints(text, language), [text, language]);
  const [index, setIndex] = useState(() => initialIndex(points, initialOffset));
  const sliderRef = useRef<HTMLDivElement>(null);
  const helpId = useId();
  useEffect(() => sliderRef.current?.focus(), []);
  const point = points[Math.min(index, points.length - 1)];
  if (!point) return null;
  const before = text.slice(0, point.offset).trim();
  const after = text.slice(point.offset).trim();

  const move = (next: number) => setIndex(Math.max(0, Math.min(points.length - 1, next)));
  const sentenceEnd = (direction: 1 | -1) => {
    for (let k = index + direction; k >= 0 && k < points.length; k += direction) if (points[k]?.isSentenceEnd) return k;
    return direction === 1 ? points.length - 1 : 0;
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const actions: Record<string, () => void> = {
      ArrowLeft: () => move(index - 1),
      ArrowRight: () => move(index + 1),
      ArrowUp: () => move(sentenceEnd(-1)),
      ArrowDown: () => move(sentenceEnd(1)),
      Home: () => move(0),
      End: () => move(points.length - 1),
      Enter: () => {
        if (!isBusy) onApply(point.offset);
      },
      Escape: onCancel,
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <div data-split-chooser className="font-sans text-sm">
      <p id={helpId} className="mb-1 text-muted">
        {t('help')}
      </p>
      <div
        ref={sliderRef}
        role="slider"
        tabIndex={0}
        aria-label={t('point')}
        aria-describedby={helpId}
        aria-valuemin={1}
        aria-valuemax={points.length}
        aria-valuenow={index + 1}
        aria-valuetext={t('value', { words: wordsBefore(text, point.offset), sentenceEnd: point.isSentenceEnd ? 'yes' : 'no' })}
        onKeyDown={handleKeyDown}
        lang={language}
        className="reading rounded-md border border-line-strong bg-surface px-2 py-1.5 text-base leading-relaxed focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none"
      >
        {points.map((candidate, k) => {
          const piece = text.slice(points[k - 1]?.offset ?? 0, candidate.offset);
          // The gap stays on the line of the word before it (a line never starts with a gap), unless
          // that "word" is a long run without spaces (a Japanese sentence), which must still wrap.
          const lastSpace = piece.search(/\s\S*$/u) + 1;
          const word = piece.length - lastSpace <= NO_WRAP_CHARS ? piece.slice(lastSpace) : '';
          const isChosen = k === index;
          return (
            <span key={candidate.offset} className={cn(k > index && 'text-accent-800')}>
              {piece.slice(0, piece.length - word.length)}
              <span className="whitespace-nowrap">
                {word}
                <button
                  type="button"
                  tabIndex={-1}
                  data-split-point={candidate.offset}
                  data-sentence-end={candidate.isSentenceEnd || undefined}
                  aria-label={t('splitAfter', { words: wordsBefore(text, candidate.offset) })}
                  aria-pressed={isChosen}
                  onClick={() => {
                    setIndex(k);
                    sliderRef.current?.focus();
                  }}
                  className={cn(
                    'mx-px inline-block h-[1.2em] cursor-pointer rounded-sm align-[-0.2em]',
                    isChosen ? 'w-[3px] bg-accent-700 ring-2 ring-accent-200' : 'w-2 hover:bg-accent-200',
                    !isChosen && candidate.isSentenceEnd && 'bg-amber-200',
                  )}
                />
              </span>
            </span>
          );
        })}
        <span className="text-accent-800">{text.slice(points.at(-1)?.offset ?? 0)}</span>
      </div>
      <dl className="mt-2 grid gap-1">
        <div>
          <dt className="inline font-medium text-ink">{t('stays')} </dt>
          <dd data-split-before className="reading inline text-base" lang={language}>
            {before}
          </dd>
        </div>
        <div>
          <dt className="inline font-medium text-accent-800">{t('goes', { destination })} </dt>
          <dd data-split-after className="reading inline text-base text-accent-800" lang={language}>
            {after}
          </dd>
        </div>
      </dl>
      <div className="mt-2 flex gap-2">
        <Button size="sm" disabled={isBusy} onClick={() => onApply(point.offset)}>
          {t('splitHere')}
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';

import type { GlossaryHit } from '@/lib/glossary/types';
import type { ReaderText } from '@/lib/reader/types';

import { FootnoteMarker, withEmphasis } from '../reader/text-with-page-marks';
import { cn } from '../ui/cn';

/**
 * An original's text with its glossary terms marked (and its emphasis in italics, and the footnote
 * markers the translation is to carry raised). Each term can be reached with Tab as well as
 * pointed at: its translations show while it has the pointer or the focus (Escape hides them),
 * and, when the draft may be edited, Enter or a click inserts its preferred translation at the
 * draft's caret.
 */
export function GlossaryText({ text, emphasis = [], markers = [], hits, targetLanguage, onInsert }: { text: string; emphasis?: ReaderText['emphasis']; markers?: readonly { label: string; offset: number }[]; hits: readonly GlossaryHit[]; targetLanguage: string; onInsert?: (text: string) => void }) {
  const parts: ReactNode[] = [];
  const pending = [...markers].sort((a, b) => a.offset - b.offset);
  let next = 0;
  /** The text from `from` to `to` with the markers up to `to` in their places (one inside a term comes right after it). */
  const plain = (from: number, to: number) => {
    let at = from;
    for (; next < pending.length && (pending[next]?.offset ?? 0) <= to; next += 1) {
      const marker = pending[next];
      if (!marker) continue;
      const offset = Math.max(marker.offset, at);
      if (offset > at) parts.push(...withEmphasis(text, at, offset, emphasis));
      at = offset;
      parts.push(<FootnoteMarker key={`marker-${marker.label}-${next}`} label={marker.label} />);
    }
    if (to > at) parts.push(...withEmphasis(text, at, to, emphasis));
  };
  let cursor = 0;
  for (const hit of hits) {
    if (hit.start < cursor || hit.end > text.length) continue;
    plain(cursor, hit.start);
    parts.push(
      <GlossaryMark key={`term-${hit.start}`} hit={hit} targetLanguage={targetLanguage} onInsert={onInsert}>
        {withEmphasis(text, hit.start, hit.end, emphasis)}
      </GlossaryMark>,
    );
    cursor = hit.end;
  }
  plain(cursor, text.length);
  return <>{parts}</>;
}

function GlossaryMark({ hit, targetLanguage, onInsert, children }: { hit: GlossaryHit; targetLanguage: string; onInsert?: (text: string) => void; children: ReactNode }) {
  const t = useTranslations('editor.glossaryText');
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const insertable = hit.translations.find((translation) => translation.status !== 'forbidden');
  const canInsert = !!onInsert && !!insertable;
  const markProps = {
    'aria-describedby': `${id}-tip`,
    'data-glossary-term': hit.term,
    onFocus: () => setOpen(true),
    onBlur: () => setOpen(false),
    onKeyDown: (event: { key: string }) => {
      if (event.key === 'Escape') setOpen(false);
    },
    className: 'rounded-sm bg-sky-50 text-inherit underline decoration-sky-500 decoration-dotted underline-offset-4 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-600',
  };
  return (
    <span className="relative" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      {canInsert ? (
        <button type="button" {...markProps} className={cn(markProps.className, 'cursor-pointer font-[inherit]')} onClick={() => insertable && onInsert?.(insertable.text)}>
          {children}
        </button>
      ) : (
        <span tabIndex={0} {...markProps}>
          {children}
        </span>
      )}
      <span role="tooltip" id={`${id}-tip`} hidden={!isOpen} data-glossary-tooltip="" className="absolute top-full left-0 z-20 mt-1 block w-max max-w-xs rounded-md border border-line bg-surface p-2 font-sans text-sm leading-snug font-normal whitespace-normal text-ink not-italic shadow-lg">
        <span className="block text-xs text-muted">
          {t('heading', { term: hit.term, partOfSpeech: hit.partOfSpeech ?? 'none' })}
        </span>
        {hit.translations.map((translation) => (
          <span key={translation.text} className="block">
            <span lang={targetLanguage} className={cn('font-serif', translation.status === 'forbidden' ? 'text-muted line-through' : 'text-ink')}>
              {translation.text}
            </span>{' '}
            <span className="text-xs text-muted">{t('status', { status: translation.status })}</span>
          </span>
        ))}
        {hit.note && <span className="mt-1 block text-xs text-ink-soft">{hit.note}</span>}
        {canInsert && <span data-keyboard-hint="" className="mt-1 block text-xs text-muted">{t('insertHint', { text: insertable.text })}</span>}
      </span>
    </span>
  );
}

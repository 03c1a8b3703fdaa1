'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';

import type { ReaderNote } from '@/lib/reader/types';

export interface FootnoteRefProps {
  /** The marker as the text prints it ("12", "*"). */
  label: string;
  footnoteId: string;
  note: ReaderNote;
  /** Languages being read, in the order to show the note's texts. */
  languages: readonly string[];
}

/**
 * A footnote marker: a button that opens the note in place, in the languages being read, with a
 * link to the note where it stands (in this work or another work of the volume). A disclosure: the
 * button says whether the note is open (`aria-expanded`) and which element holds it
 * (`aria-controls`); the note follows the button, so Tab reaches its link; Escape or a second
 * press closes it and focus returns to the marker; a press outside closes it too (touch as well).
 * On a phone the note opens along the foot of the screen, so it never runs off its side.
 */
export function FootnoteRef({ label, footnoteId, note, languages }: FootnoteRefProps) {
  const t = useTranslations('reader');
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [isOpen]);

  const shown = languages.filter((language, index) => note.texts[language] !== undefined && languages.indexOf(language) === index);
  const texts = shown.length > 0 ? shown : Object.keys(note.texts).slice(0, 1);
  return (
    <span ref={wrapper} className="relative">
      <sup className="px-px font-sans text-[0.7em]">
        <button
          ref={button}
          type="button"
          data-footnote-ref={footnoteId}
          aria-expanded={isOpen}
          aria-controls={panelId}
          aria-label={t('note', { label })}
          onClick={() => setIsOpen((open) => !open)}
          className="cursor-pointer rounded-sm px-0.5 leading-none text-accent-700 hover:underline focus-visible:outline-2 focus-visible:outline-accent-500"
        >
          {label}
        </button>
      </sup>
      <span
        id={panelId}
        role="note"
        aria-label={t('note', { label: note.label ?? label })}
        hidden={!isOpen}
        className="absolute top-full left-0 z-30 mt-1 w-[min(28rem,80vw)] max-sm:fixed max-sm:inset-x-3 max-sm:top-auto max-sm:bottom-3 max-sm:w-auto [&:not([hidden])]:block rounded-md border border-stone-200 bg-surface p-3 text-left font-sans text-sm leading-relaxed font-normal text-ink shadow-lg"
      >
        {texts.map((language) => (
          <span key={language} lang={language} className="mb-2 block">
            {note.label && <span className="mr-1 font-semibold text-muted">{note.label}.</span>}
            {note.texts[language]}
          </span>
        ))}
        {texts.length === 0 && <span className="mb-2 block text-muted italic">{t('noteEmpty')}</span>}
        <a href={`/s/${footnoteId}`} className="text-accent-700 underline hover:no-underline">
          {t('goToNote')}
        </a>
      </span>
    </span>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';

import {
  DEFAULT_READING_SETTINGS,
  formatReadingSettings,
  parseReadingSettings,
  READING_LEADING_STEPS,
  READING_SETTINGS_COOKIE,
  READING_SETTINGS_MAX_AGE_SECONDS,
  READING_SIZE_STEPS,
  type ReadingSettings as Settings,
} from '@/lib/reader/reading-settings';

import { cn } from '../ui/cn';

const LEADING_KEYS = ['compact', 'normal', 'relaxed'] as const;

const OPTION =
  'cursor-pointer rounded-md border border-line-strong bg-surface px-2 py-1 text-sm text-ink-soft tabular-nums hover:border-accent-500 has-checked:border-accent-600 has-checked:bg-accent-50 has-checked:font-semibold has-checked:text-accent-800 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-600';

/** The element whose `data-reading-*` attributes the reading text follows: the reader page's frame. */
function scopeOf(element: Element | null): HTMLElement | null {
  return element?.closest<HTMLElement>('[data-reading-size]') ?? null;
}

/** Keeps the choice in this browser's cookie (read by the server on the next page) and applies it now. */
function apply(scope: HTMLElement | null, settings: Settings) {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${READING_SETTINGS_COOKIE}=${formatReadingSettings(settings)}; Path=/; Max-Age=${READING_SETTINGS_MAX_AGE_SECONDS}; SameSite=Lax${secure}`;
  if (!scope) return;
  scope.dataset.readingSize = String(settings.size);
  scope.dataset.readingLeading = String(settings.leading);
}

/**
 * "Aa" in the reader's toolbar: a disclosure with the text size and line spacing of the reading
 * text, as two groups of radio buttons (arrow keys move within a group); on a phone it opens at
 * the foot of the screen, whole. The page was rendered
 * with the browser's choice already (its cookie), so only a change touches the page, and only
 * its CSS variables.
 */
export function ReadingSettings() {
  const t = useTranslations('readingSettings');
  const [settings, setSettings] = useState<Settings>(DEFAULT_READING_SETTINGS);
  const [isOpen, setIsOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!isOpen) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [isOpen]);

  const toggle = () => {
    if (!isOpen) {
      // What the page shows now: the server's rendering, or a choice made since.
      const scope = scopeOf(root.current);
      setSettings(parseReadingSettings(scope ? `${scope.dataset.readingSize}-${scope.dataset.readingLeading}` : null));
    }
    setIsOpen(!isOpen);
  };
  const choose = (change: Partial<Settings>) => {
    const next = { ...settings, ...change };
    setSettings(next);
    apply(scopeOf(root.current), next);
  };

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !isOpen) return;
        setIsOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={isOpen}
        aria-controls={`${id}-panel`}
        title={t('title')}
        onClick={toggle}
        className="flex h-8 items-center rounded-md border border-line-strong bg-surface px-2.5 font-serif text-sm text-ink-soft hover:text-ink aria-expanded:border-accent-600"
      >
        <span aria-hidden="true">
          {t('icon')}
        </span>
        <span className="sr-only">{t('title')}</span>
      </button>
      <div
        id={`${id}-panel`}
        hidden={!isOpen}
        role="group"
        aria-label={t('title')}
        className="absolute top-full left-0 z-30 mt-2 w-max space-y-3 rounded-lg border border-line bg-surface p-3 shadow-lg max-sm:fixed max-sm:inset-x-3 max-sm:top-auto max-sm:bottom-3 max-sm:mt-0 max-sm:w-auto"
      >
        <fieldset>
          <legend className="mb-1.5 text-xs font-semibold text-muted">{t('size')}</legend>
          <div className="flex gap-1">
            {READING_SIZE_STEPS.map((factor, index) => (
              <label key={factor} className={OPTION}>
                <input type="radio" name={`${id}-size`} value={index} checked={settings.size === index} onChange={() => choose({ size: index })} className="sr-only" />
                {t('percent', { value: factor })}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-1.5 text-xs font-semibold text-muted">{t('leading')}</legend>
          <div className="flex gap-1">
            {READING_LEADING_STEPS.map((factor, index) => (
              <label key={factor} className={cn(OPTION, 'px-2.5')}>
                <input type="radio" name={`${id}-leading`} value={index} checked={settings.leading === index} onChange={() => choose({ leading: index })} className="sr-only" />
                {t(LEADING_KEYS[index] ?? 'normal')}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    </div>
  );
}

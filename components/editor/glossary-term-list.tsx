'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, type KeyboardEvent } from 'react';

import type { GlossaryHit } from '@/lib/glossary/types';

import { glossaryIndexForKey } from './keyboard-shortcuts';

/** Translations the list numbers for insertion: digits 1–9. */
const MAX_NUMBERED = 9;

/**
 * The glossary terms of the segment being translated (Alt+G in its draft), each with its
 * translations: the insertable ones (preferred, admitted) numbered, the forbidden ones struck. A
 * digit or a click inserts one at the draft's caret; Escape goes back to the draft. The focus
 * moves into the list, so screen readers read it, and back to the draft after.
 */
export function GlossaryTermList({ hits, targetLanguage, canInsert, onInsert, onClose }: { hits: readonly GlossaryHit[]; targetLanguage: string; canInsert: boolean; onInsert: (text: string) => void; onClose: () => void }) {
  const t = useTranslations('editor.glossaryTermList');
  const list = useRef<HTMLElement>(null);
  useEffect(() => {
    (list.current?.querySelector<HTMLElement>('button, [tabindex="0"]') ?? list.current)?.focus();
  }, []);
  // One entry per term, in the order it first stands in the text.
  const terms = hits.filter((hit, index) => hits.findIndex((other) => other.termId === hit.termId) === index);
  const numbered = terms.flatMap((hit) => hit.translations.filter((translation) => translation.status !== 'forbidden').map((translation) => ({ termId: hit.termId, text: translation.text }))).slice(0, MAX_NUMBERED);
  const numberOf = (termId: string, text: string) => numbered.findIndex((entry) => entry.termId === termId && entry.text === text);

  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      return onClose();
    }
    const index = glossaryIndexForKey(event);
    const chosen = index === null ? undefined : numbered[index];
    if (chosen && canInsert) {
      event.preventDefault();
      onInsert(chosen.text);
    }
  };

  return (
    <section ref={list} aria-label={t('label')} data-glossary-list="" tabIndex={-1} onKeyDown={handleKeyDown} className="mt-2 rounded-md border border-sky-200 bg-sky-50/60 p-2 text-sm">
      {terms.length === 0 ? (
        <p tabIndex={0} className="text-muted">
          {t.rich('none', { hint: (chunks) => <span className="text-xs">{chunks}</span> })}
        </p>
      ) : (
        <>
          <p className="mb-1 text-xs text-muted">{canInsert ? t('hintInsert') : t('hintBack')}</p>
          <ul className="space-y-1">
            {terms.map((hit) => (
              <li key={hit.termId} className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                <span className="font-serif font-semibold">{hit.term}</span>
                <span aria-hidden="true" className="text-muted">→</span>
                {hit.translations.map((translation) => {
                  const number = numberOf(hit.termId, translation.text);
                  if (translation.status === 'forbidden') {
                    return (
                      <span key={translation.text} className="text-muted">
                        {t.rich('forbidden', {
                          text: translation.text,
                          term: (chunks) => (
                            <span lang={targetLanguage} className="font-serif line-through">
                              {chunks}
                            </span>
                          ),
                        })}
                      </span>
                    );
                  }
                  const label = t('translation', { text: translation.text, status: translation.status });
                  return canInsert && number >= 0 ? (
                    <button key={translation.text} type="button" aria-keyshortcuts={String(number + 1)} onClick={() => onInsert(translation.text)} className="inline-flex items-baseline gap-1 rounded px-1.5 py-0.5 hover:bg-accent-50 focus-visible:outline-2 focus-visible:outline-accent-600">
                      <kbd data-keyboard-hint="" className="font-sans text-xs text-muted">{number + 1}</kbd>
                      <span lang={targetLanguage} className="font-serif">{label}</span>
                    </button>
                  ) : (
                    <span key={translation.text} lang={targetLanguage} className="font-serif">
                      {label}
                    </span>
                  );
                })}
                {hit.note && <span className="w-full text-xs text-ink-soft">{hit.note}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

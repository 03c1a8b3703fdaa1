'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';

import type { WorkCitation } from '@/lib/reader/cite-work';

import { fetchCitation } from './cite-api';
import { LanguageChoice } from './language-choice';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** What is cited: the work, or one passage of it, in the languages the reader sees it in. */
export interface CiteTarget {
  workId: string;
  /** The passage; absent: the whole work. */
  segmentId?: string;
  /** Languages it can be cited in, the one shown first; empty: the original. */
  languages: string[];
}

export interface CiteDialogProps {
  target: CiteTarget;
  languageNames: Record<string, string>;
  onClose: () => void;
}

type Phase = { kind: 'loading' } | { kind: 'ready'; citation: WorkCitation } | { kind: 'failed'; message: string };

const STYLES = [
  { id: 'chicago', label: 'Chicago' },
  { id: 'bibtex', label: 'BibTeX' },
  { id: 'csl', label: 'CSL-JSON' },
] as const;
type StyleId = (typeof STYLES)[number]['id'];

/**
 * "Cite": the work or passage in Chicago style (note and bibliography entry), BibTeX and CSL-JSON,
 * each with a copy button, and the address of the printed page it lies on. A modal <dialog>:
 * focus stays inside, Escape closes.
 */
export function CiteDialog({ target, languageNames, onClose }: CiteDialogProps) {
  const t = useTranslations('cite');
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [language, setLanguage] = useState(target.languages[0]);
  const [style, setStyle] = useState<StyleId>('chicago');
  // The answer for the language it was asked for: another language chosen since shows as loading.
  const [answer, setAnswer] = useState<{ language: string | undefined; phase: Phase } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void fetchCitation({ workId: target.workId, segmentId: target.segmentId, language, signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return;
      setAnswer({ language, phase: result.ok ? { kind: 'ready', citation: result.data } : { kind: 'failed', message: result.error.message } });
    });
    return () => controller.abort();
  }, [target.workId, target.segmentId, language]);

  const copy = (label: string, text: string) => {
    const done = navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('No clipboard'));
    done.then(
      () => setCopied(t('copied', { what: label })),
      () => setCopied(t('selectAndCopy', { what: label.toLowerCase() })),
    );
  };

  const phase: Phase = answer && answer.language === language ? answer.phase : { kind: 'loading' };
  const citation = phase.kind === 'ready' ? phase.citation : null;
  // `id` names the block for the page (data-citation) whatever the interface's language.
  const blocks: { id: string; label: string; text: string }[] = !citation
    ? []
    : style === 'chicago'
      ? [
          { id: 'Note', label: t('note'), text: citation.chicago.note },
          { id: 'Bibliography entry', label: t('bibliography'), text: citation.chicago.bibliography },
        ]
      : style === 'bibtex'
        ? [{ id: 'BibTeX entry', label: t('bibtex'), text: citation.bibtex }]
        : [{ id: 'CSL-JSON', label: t('csl'), text: JSON.stringify([citation.csl], null, 2) }];

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => event.target === dialog.current && dialog.current?.close()}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-stone-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id={titleId} className="font-serif text-xl font-semibold">
          {target.segmentId ? t('titlePassage') : t('titleWork')}
        </h2>
        <LanguageChoice name="cite-language" languages={target.languages} value={language} onChange={setLanguage} languageNames={languageNames} />
        <fieldset>
          <legend className="text-sm font-medium">{t('style')}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {STYLES.map((entry) => (
              <label key={entry.id} className="inline-flex items-center gap-1.5">
                <input type="radio" name="cite-style" value={entry.id} checked={style === entry.id} onChange={() => setStyle(entry.id)} />
                {entry.label}
              </label>
            ))}
          </div>
        </fieldset>
        {phase.kind === 'loading' && <p className="text-sm text-muted" role="status">{t('preparing')}</p>}
        {phase.kind === 'failed' && <Alert tone="error">{phase.message}</Alert>}
        {citation && (
          <>
            {blocks.map((block) => (
              <div key={block.id} className="space-y-1.5">
                <div className="flex items-center justify-between gap-2">
                  <h3 className="text-sm font-medium">{block.label}</h3>
                  <Button size="sm" variant="secondary" onClick={() => copy(block.label, block.text)}>
                    {t('copy')}
                    <span className="sr-only"> {block.label.toLowerCase()}</span>
                  </Button>
                </div>
                <pre className="max-h-56 overflow-auto rounded-md border border-line bg-stone-50 p-3 font-mono text-xs whitespace-pre-wrap break-words" data-citation={block.id}>
                  {block.text}
                </pre>
              </div>
            ))}
            <p className="text-sm text-muted">
              {citation.pages && citation.pageUrl ? (
                <>
                  {t('pagesOfEdition', { isOne: citation.pages.first === citation.pages.last ? 'yes' : 'no', first: citation.pages.first, last: citation.pages.last })}{' '}
                  <a href={citation.pageUrl} className="text-accent-700 underline">
                    {citation.pageUrl}
                  </a>
                </>
              ) : target.segmentId ? (
                t('pageUnknown')
              ) : null}
            </p>
          </>
        )}
        <p role="status" aria-live="polite" className="min-h-5 text-sm text-muted">
          {copied}
        </p>
        <div className="flex justify-end">
          <Button variant="ghost" onClick={() => dialog.current?.close()}>
            {t('close')}
          </Button>
        </div>
      </div>
    </dialog>
  );
}

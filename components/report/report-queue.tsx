'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

import type { ReportQueueItem } from '@/lib/report/types';

import { decideReport, fetchOpenReports } from './report-queue-api';
import { languageLabel, languageName } from '../format/language-name';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Textarea } from '../ui/textarea';

export interface ReportQueueProps {
  collectionId?: string;
  workId?: string;
  language?: string;
}

type Load = { kind: 'loading' } | { kind: 'idle' } | { kind: 'failed'; message: string };

/** Where an editor fixes a reported segment: the segment editor of the report's language. */
const segmentEditorHref = (item: Pick<ReportQueueItem, 'work' | 'language' | 'segmentId'>) => `/works/${item.work.id}/edit?lang=${encodeURIComponent(item.language)}&segment=${item.segmentId}`;

/**
 * Readers' open error reports for the review queue, oldest first, each with the text the reader
 * saw (and the text now, when it changed since), the original beside a translation, links to the
 * segment, and resolve / dismiss with a note. Loads more on demand (keyset pages).
 */
export function ReportQueue({ collectionId, workId, language }: ReportQueueProps) {
  const t = useTranslations('reportQueue');
  const e = useTranslations('emptyStates');
  const [items, setItems] = useState<ReportQueueItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);

  const applyPage = (result: Awaited<ReturnType<typeof fetchOpenReports>>, isNextPage: boolean) => {
    if (!result.ok) return setLoad({ kind: 'failed', message: result.error.message });
    setItems((current) => (isNextPage ? [...current, ...result.data.items] : result.data.items));
    setNext(result.data.next);
    setLoad({ kind: 'idle' });
  };

  useEffect(() => {
    // A later filter's answer wins over an earlier one still on its way.
    let isCurrent = true;
    void fetchOpenReports({ collectionId, workId, language }).then((result) => isCurrent && applyPage(result, false));
    return () => {
      isCurrent = false;
    };
  }, [collectionId, workId, language]);

  const handleMore = () => {
    if (!next) return;
    setLoad({ kind: 'loading' });
    void fetchOpenReports({ collectionId, workId, language, after: next }).then((result) => applyPage(result, true));
  };

  const handleDecided = (reportId: string, message: string) => {
    setItems((current) => current.filter((item) => item.reportId !== reportId));
    setNotice(message);
  };

  return (
    <section aria-labelledby="report-queue-title" className="space-y-4">
      <h2 id="report-queue-title" className="font-serif text-xl font-semibold">
        {t('title')}
      </h2>
      <div role="status" aria-live="polite" className="text-sm text-muted">
        {notice}
      </div>
      {load.kind === 'failed' && <Alert tone="error">{load.message}</Alert>}
      {load.kind !== 'loading' && items.length === 0 && load.kind !== 'failed' && <p className="text-sm text-muted">{e('reports')}</p>}
      <ul className="space-y-4">
        {items.map((item) => (
          <li key={item.reportId}>
            <ReportCard item={item} onDecided={handleDecided} />
          </li>
        ))}
      </ul>
      {load.kind === 'loading' && <p className="text-sm text-muted">{t('loading')}</p>}
      {next && load.kind === 'idle' && (
        <Button variant="secondary" onClick={handleMore}>
          {t('more')}
        </Button>
      )}
    </section>
  );
}

function ReportCard({ item, onDecided }: { item: ReportQueueItem; onDecided: (reportId: string, message: string) => void }) {
  const t = useTranslations('reportQueue');
  const locale = useLocale();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'resolve' | 'dismiss' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isChanged = item.quotedText !== item.currentText;
  const noteId = `report-note-${item.reportId}`;

  const handleDecide = async (outcome: 'resolve' | 'dismiss') => {
    setBusy(outcome);
    setError(null);
    const result = await decideReport(item.reportId, outcome, note);
    setBusy(null);
    if (result.ok) {
      return onDecided(item.reportId, t('decided', { outcome, readers: item.reporterCount }));
    }
    // Another editor closed it first: it is no longer open.
    if (result.error.code === 'CONFLICT' || result.error.code === 'NOT_FOUND') return onDecided(item.reportId, result.error.message);
    setError(result.error.message);
  };

  return (
    <article aria-label={t('reportOn', { work: item.work.title })} data-report={item.reportId} className="rounded-lg border border-line bg-surface p-4 shadow-xs">
      <header className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span>
          <span className="font-medium">{item.work.title}</span> <Badge>{languageLabel(item.language, locale)}</Badge>
        </span>
        <span className="text-xs text-muted">
          {item.reporterName ?? t('anonymous')}
          {item.reporterCount > 1 && ` ${t('others', { count: item.reporterCount - 1 })}`} · <time dateTime={item.createdAt}>{item.createdAt.slice(0, 10)}</time>
        </span>
      </header>
      {item.reporterCount > 1 && (
        <p className="mt-2">
          <Badge tone="warning" data-reporter-count={item.reporterCount}>
            {t('reportedBy', { count: item.reporterCount })}
          </Badge>
        </p>
      )}
      <p className="mt-3 whitespace-pre-line">{item.message}</p>
      {item.moreMessages.length > 0 && (
        <ul aria-label={t('otherReadersWrote')} className="mt-2 space-y-1 border-l-2 border-line pl-3 text-sm">
          {item.moreMessages.map((message, index) => (
            <li key={index} className="whitespace-pre-line">
              {message}
            </li>
          ))}
        </ul>
      )}
      <dl className="mt-3 space-y-2 text-sm">
        <div>
          <dt className="text-xs font-medium text-muted">{isChanged ? t('readerSaw') : t('text')}</dt>
          <dd lang={item.language} className="font-serif text-ink-soft">{item.quotedText || <em className="font-sans text-muted">{t('noText')}</em>}</dd>
        </div>
        {isChanged && (
          <div>
            <dt className="text-xs font-medium text-muted">{t('publishedNow')}</dt>
            <dd lang={item.language} className="font-serif text-ink-soft">{item.currentText || <em className="font-sans text-muted">{t('noText')}</em>}</dd>
          </div>
        )}
        {item.sourceText !== null && (
          <div>
            <dt className="text-xs font-medium text-muted">{t('original', { language: languageName(item.work.sourceLanguage, locale) })}</dt>
            <dd lang={item.work.sourceLanguage} className="font-serif text-ink-soft">{item.sourceText}</dd>
          </div>
        )}
      </dl>
      <div className="mt-3 flex flex-wrap gap-3 text-sm">
        <a href={segmentEditorHref(item)} className="text-accent-700 hover:underline">{t('openInEditor')}</a>
        <a href={`/s/${item.segmentId}`} className="text-accent-700 hover:underline">{t('seeInReader')}</a>
      </div>
      <div className="mt-3 space-y-1.5">
        <label htmlFor={noteId} className="text-xs font-medium text-muted">{t('noteOptional')}</label>
        <Textarea id={noteId} rows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={2_000} />
      </div>
      {error && <Alert tone="error" className="mt-3">{error}</Alert>}
      <div className="mt-3 flex gap-2">
        <Button size="sm" disabled={busy !== null} onClick={() => void handleDecide('resolve')}>
          {busy === 'resolve' ? t('resolving') : t('resolved')}
        </Button>
        <Button size="sm" variant="secondary" disabled={busy !== null} onClick={() => void handleDecide('dismiss')}>
          {busy === 'dismiss' ? t('dismissing') : t('notAnError')}
        </Button>
      </div>
    </article>
  );
}

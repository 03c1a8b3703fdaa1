'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { MAX_REPORT_MESSAGE_CHARS, REPORT_MIN_FILL_MS } from '@/lib/config/limits';
import { REPORT_HONEYPOT_FIELD } from '@/lib/report/schemas';

import { LanguageChoice } from './language-choice';
import { fetchReportFormToken, sendReport } from './report-api';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Label } from '../ui/label';
import { Textarea } from '../ui/textarea';

/** The segment a reader reports on: the languages they see it in, with each text as shown. */
export interface ReportTarget {
  segmentId: string;
  /** Languages whose text can be reported, the default first. */
  languages: string[];
  texts: Record<string, string>;
}

export interface ReportErrorDialogProps {
  target: ReportTarget;
  languageNames: Record<string, string>;
  onClose: () => void;
}

type Phase = { kind: 'preparing' } | { kind: 'ready' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; message: string; canRetryToken?: boolean };

/**
 * The "report an error" dialog of the reader (a modal <dialog>: focus stays inside, Escape
 * closes). It asks the server for a signed form time when it opens, sends the message with the
 * text the reader saw, and confirms or shows the server's message (e.g. when to try again).
 */
export function ReportErrorDialog({ target, languageNames, onClose }: ReportErrorDialogProps) {
  const t = useTranslations('report');
  const dialog = useRef<HTMLDialogElement>(null);
  const token = useRef<{ value: string; receivedAt: number } | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'preparing' });
  const [language, setLanguage] = useState(target.languages[0] ?? '');
  const [length, setLength] = useState(0);

  // The form counts as shown once its signed time arrives: the send button waits for it.
  const requestToken = () =>
    fetchReportFormToken().then((result) => {
      if (!result.ok) return setPhase({ kind: 'failed', message: result.error.message, canRetryToken: true });
      token.current = { value: result.data.token, receivedAt: Date.now() };
      setPhase({ kind: 'ready' });
    });

  useEffect(() => {
    dialog.current?.showModal();
    void requestToken();
  }, []);

  const handleRetryToken = () => {
    setPhase({ kind: 'preparing' });
    void requestToken();
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!token.current) return;
    setPhase({ kind: 'sending' });
    // The server drops forms sent faster than a person could; never let a quick reader's count as one.
    const wait = token.current.receivedAt + REPORT_MIN_FILL_MS + 250 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const result = await sendReport({
      segmentId: target.segmentId,
      language,
      message: String(form.get('message') ?? ''),
      quotedText: target.texts[language] ?? '',
      formToken: token.current.value,
      website: String(form.get(REPORT_HONEYPOT_FIELD) ?? ''),
    });
    setPhase(result.ok ? { kind: 'sent' } : { kind: 'failed', message: result.error.message });
  };

  const quoted = target.texts[language] ?? '';
  const isBusy = phase.kind === 'preparing' || phase.kind === 'sending';
  return (
    <dialog
      ref={dialog}
      aria-labelledby="report-error-title"
      onClose={onClose}
      // A click on the backdrop (the dialog element itself, outside its panel) closes it.
      onClick={(event) => event.target === dialog.current && dialog.current?.close()}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-stone-900/40"
    >
      <div className="p-5">
        <h2 id="report-error-title" className="font-serif text-xl font-semibold">
          {t('title')}
        </h2>
        {phase.kind === 'sent' ? (
          <>
            <Alert tone="success" className="mt-4" title={t('sentTitle')}>
              {t('sentText')}
            </Alert>
            <div className="mt-5 flex justify-end">
              <Button autoFocus onClick={() => dialog.current?.close()}>
                {t('close')}
              </Button>
            </div>
          </>
        ) : (
          <form onSubmit={(event) => void handleSubmit(event)} className="mt-3 space-y-4">
            <LanguageChoice name="language" languages={target.languages} value={language} onChange={setLanguage} languageNames={languageNames} />
            {quoted && (
              <blockquote lang={language} className="max-h-40 overflow-y-auto border-l-2 border-line-strong pl-3 font-serif text-ink-soft">
                {quoted}
              </blockquote>
            )}
            <div className="space-y-1.5">
              <Label htmlFor="report-message">{t('whatIsWrong')}</Label>
              <Textarea
                id="report-message"
                name="message"
                required
                autoFocus
                maxLength={MAX_REPORT_MESSAGE_CHARS}
                aria-describedby="report-message-hint"
                onChange={(event) => setLength(event.currentTarget.value.length)}
              />
              <p id="report-message-hint" className="text-xs text-muted">
                {t('hint', { length, max: MAX_REPORT_MESSAGE_CHARS })}
              </p>
            </div>
            {/* The spam trap: hidden from people and assistive technology; robots fill it in. */}
            <div aria-hidden="true" className="absolute -left-[10000px] size-px overflow-hidden">
              <label htmlFor="report-website">{t('website')}</label>
              <input id="report-website" name={REPORT_HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            {phase.kind === 'failed' && <Alert tone="error">{phase.message}</Alert>}
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={() => dialog.current?.close()}>
                {t('cancel')}
              </Button>
              {phase.kind === 'failed' && phase.canRetryToken ? (
                <Button onClick={handleRetryToken}>{t('tryAgain')}</Button>
              ) : (
                <Button type="submit" disabled={isBusy}>
                  {phase.kind === 'sending' ? t('sending') : t('send')}
                </Button>
              )}
            </div>
          </form>
        )}
      </div>
    </dialog>
  );
}

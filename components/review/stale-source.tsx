'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

import type { StaleTranslation } from '@/lib/review/stale-translations';

import { DiffText } from '../diff/diff-text';
import { getJson, postJson } from '../http/api-request';
import { Button } from '../ui/button';

/**
 * How the source of a stale translation changed since the translator worked on it (all the
 * corrections since then, not only the last), and for editors the way to confirm the translation
 * is still valid.
 */
export function StaleSource({ workId, segmentId, language, canConfirm, onConfirmed }: { workId: string; segmentId: string; language: string; canConfirm: boolean; onConfirmed?: () => void }) {
  const t = useTranslations('stale');
  const [stale, setStale] = useState<StaleTranslation | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    void getJson<{ stale: StaleTranslation[] }>(`/api/works/${workId}/stale`, { query: { lang: language, segmentId } }).then((result) => {
      if (!isCurrent) return;
      if (result.ok) setStale(result.data.stale[0] ?? null);
      else setError(result.error.message);
    });
    return () => {
      isCurrent = false;
    };
  }, [workId, segmentId, language]);

  const confirm = async () => {
    setBusy(true);
    const result = await postJson(`/api/segments/${segmentId}/confirm-translation`, { language });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setStale(null);
    onConfirmed?.();
  };

  if (error) return <p role="alert" className="text-sm text-red-800">{error}</p>;
  if (stale === undefined) return <p className="text-sm text-muted">{t('loading')}</p>;
  if (stale === null) return <p className="text-sm text-muted">{t('matches')}</p>;
  return (
    <div className="space-y-3" data-stale-source="">
      <p className="text-sm text-ink-soft">{t('corrected')}</p>
      <p className="rounded-md border border-line p-3 font-serif leading-relaxed">
        <DiffText ops={stale.sourceDiff} />
      </p>
      <p className="text-sm text-ink-soft">{t('update')}</p>
      {canConfirm && (
        <Button size="sm" variant="secondary" disabled={isBusy} onClick={() => void confirm()}>
          {t('stillValid')}
        </Button>
      )}
    </div>
  );
}

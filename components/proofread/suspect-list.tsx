'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

import type { WorkSuspects } from '@/lib/proofread/get-work-suspects';

import { proposeCorrection, type ProposedCorrectionResult } from './proofread-api';
import { Button } from '../ui/button';

type Outcome = { kind: 'done'; message: string } | { kind: 'error'; message: string } | { kind: 'busy' };

/**
 * The suspect words of a work, most frequent first: each with its count, why it is suspect, the
 * segments it stands in (links into the editor at that segment) and, when there is one, the
 * correction to propose with one click — as a suggestion for each of its segments, reviewed like
 * any other.
 */
export function SuspectList({ workId, list }: { workId: string; list: WorkSuspects }) {
  const t = useTranslations('proofread');
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const set = (word: string, outcome: Outcome) => setOutcomes((current) => ({ ...current, [word]: outcome }));

  async function handlePropose(word: string) {
    set(word, { kind: 'busy' });
    const result = await proposeCorrection({ workId, word });
    if (!result.ok) return set(word, { kind: 'error', message: result.error.message });
    const { suggested, skipped } = result.data;
    const first = skipped[0];
    set(word, { kind: 'done', message: first ? t('madeSkipped', { count: suggested.length, skipped: skipped.length, reason: skipReason(first) }) : t('made', { count: suggested.length }) });
  }

  /** Why a segment was skipped, in the interface's language when the reason is the proofreader's own. */
  const skipReason = (skip: ProposedCorrectionResult['skipped'][number]) => (skip.code ? t(`skipped.${skip.code}`) : skip.reason);

  if (list.suspects.length === 0) return <p className="text-sm text-muted">{t('empty')}</p>;
  return (
    <ul className="divide-y divide-line rounded-md border border-line">
      {list.suspects.map((suspect) => {
        const outcome = outcomes[suspect.word];
        return (
          <li key={suspect.word} className="space-y-2 p-3" data-suspect={suspect.word}>
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="font-mono text-base font-semibold">{suspect.word}</span>
              <span className="text-sm text-muted">
                {suspect.count}
                {'× · '}
                {suspect.reasons.map((reason) => t(`reasons.${reason}`)).join('; ')}
              </span>
              {suspect.correction && (
                <span className="ml-auto flex items-center gap-2">
                  <span className="text-sm">
                    → <span className="font-mono font-semibold">{suspect.correction}</span>
                  </span>
                  <Button size="sm" variant="secondary" disabled={outcome?.kind === 'busy' || outcome?.kind === 'done'} onClick={() => void handlePropose(suspect.word)}>
                    {t('suggest')}
                  </Button>
                </span>
              )}
            </div>
            {outcome && outcome.kind !== 'busy' && (
              <p role="status" className={outcome.kind === 'error' ? 'text-sm text-red-700' : 'text-sm text-green-800'}>
                {outcome.message}
              </p>
            )}
            <ul className="space-y-1 text-sm">
              {suspect.places.map((place) => (
                <li key={place.segmentId}>
                  <Link className="underline-offset-2 hover:underline" href={`/works/${workId}/edit?lang=${encodeURIComponent(list.language)}&segment=${place.segmentId}`}>
                    {place.excerpt}
                  </Link>
                </li>
              ))}
              {suspect.placeCount > suspect.places.length && <li className="text-muted">{t('moreSegments', { count: suspect.placeCount - suspect.places.length })}</li>}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

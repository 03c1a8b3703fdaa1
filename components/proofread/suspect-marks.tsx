'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

import type { SuspectMark } from '@/lib/proofread/suspect-mark';

import { proposeCorrection } from './proofread-api';

/**
 * Under a segment of the original: its words that look misread ("Check: sociaIist → socialist"),
 * each with a button that suggests the correction for this segment (reviewed like any suggestion).
 * The text itself is never marked up.
 */
export function SuspectMarks({ workId, segmentId, marks, canSuggest, onSuggested }: { workId: string; segmentId: string; marks: readonly SuspectMark[]; canSuggest: boolean; onSuggested: () => void }) {
  const t = useTranslations('proofread');
  const [states, setStates] = useState<Record<string, string>>({});
  async function handleSuggest(word: string) {
    setStates((current) => ({ ...current, [word]: t('suggesting') }));
    const result = await proposeCorrection({ workId, word, segmentId });
    const skipped = result.ok ? result.data.skipped[0] : undefined;
    const message = !result.ok ? result.error.message : result.data.suggested.length > 0 ? t('suggested') : skipped ? (skipped.code ? t(`skipped.${skipped.code}`) : skipped.reason) : t('nothingToSuggest');
    setStates((current) => ({ ...current, [word]: message }));
    if (result.ok && result.data.suggested.length > 0) onSuggested();
  }
  return (
    <ul className="space-y-0.5 text-xs text-muted" aria-label={t('marksLabel')} data-suspects={segmentId}>
      {marks.map((mark) => (
        <li key={mark.word} className="flex flex-wrap items-center gap-x-2">
          <span>
            {t.rich('check', { word: mark.word, w: (chunks) => <span className="font-mono text-ink">{chunks}</span> })}
            {mark.correction && (
              <>
                {' → '}
                <span className="font-mono text-ink">{mark.correction}</span>
              </>
            )}
          </span>
          {mark.correction && canSuggest && !states[mark.word] && (
            <button type="button" className="rounded border border-line px-1.5 py-0.5 text-ink hover:bg-stone-100" onClick={() => void handleSuggest(mark.word)}>
              {t('fix')}
            </button>
          )}
          {states[mark.word] && <span role="status">{states[mark.word]}</span>}
        </li>
      ))}
    </ul>
  );
}

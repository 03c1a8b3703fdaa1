import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { OwnSuggestion } from '@/lib/review/own-suggestions';

import { DiffText } from '../diff/diff-text';
import { structureSummaryLine } from '../structure/structure-text';
import { Badge, type BadgeTone } from '../ui/badge';

const TONES: Record<OwnSuggestion['status'], BadgeTone> = { PENDING: 'neutral', APPROVED: 'accent', PUBLISHED: 'success', REJECTED: 'warning', WITHDRAWN: 'neutral' };

/** An author's suggestions with what became of each and why: the author's own page. */
export function OwnSuggestionList({ items, languageNames }: { items: readonly OwnSuggestion[]; languageNames: Record<string, string> }) {
  const t = useTranslations('ownSuggestions');
  const reasons = useTranslations('rejectReasons');
  const tStructure = useTranslations('structure');
  return (
    <ol className="space-y-4">
      {items.map((item) => {
        return (
          <li key={item.suggestionId} data-own-suggestion={item.suggestionId} data-status={item.status} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <Link href={`/works/${item.work.id}/edit?lang=${item.language}`} className="font-medium text-accent-800 hover:underline">
                {item.work.title}
              </Link>
              <Badge>{languageNames[item.language] ?? item.language}</Badge>
              {item.kind === 'STRUCTURE' && <Badge tone="accent">{t('structure')}</Badge>}
              <Badge tone={TONES[item.status]}>{item.kind === 'STRUCTURE' && item.status === 'PUBLISHED' ? t('applied') : t(`status${item.status}`)}</Badge>
              <span className="text-muted">{t('dateUtc', { date: new Date(item.createdAt) })}</span>
              <Link href={`/s/${item.segmentId}/discussion`} className="ml-auto text-xs text-muted hover:text-ink hover:underline">
                {t('discussion')}
              </Link>
            </div>
            {item.summary !== null ? (
              <p className="mt-3 font-medium" data-structure-summary="">
                {structureSummaryLine(item.summary, null, tStructure)}
              </p>
            ) : (
              <p className="mt-3 font-serif text-[1.0625rem] leading-relaxed">
                <DiffText ops={item.diff} />
              </p>
            )}
            {item.reviewer && item.decidedAt && (
              <p className="mt-2 text-sm text-muted">
                {t('decided', { outcome: item.status === 'REJECTED' ? 'rejected' : item.kind === 'STRUCTURE' ? 'applied' : 'published', reviewer: item.reviewer, date: new Date(item.decidedAt) })}
              </p>
            )}
            {item.status === 'REJECTED' && item.rejectReason && (
              <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
                <span className="font-medium">{reasons(item.rejectReason)}.</span> {item.rejectNote}
              </p>
            )}
            {item.publishedText !== null && (
              <p className="mt-2 text-sm">
                <span className="font-medium">{t('publishedAs')}</span> <span className="font-serif">{item.publishedText}</span>
              </p>
            )}
            {item.hunkRejections.length > 0 && (
              <ul aria-label={t('turnedDown')} className="mt-2 space-y-1 text-sm">
                {item.hunkRejections.map((rejection, index) => (
                  <li key={index} className="rounded-md bg-stone-50 px-3 py-1.5">
                    <span className="font-serif">{rejection.excerpt}</span> — {reasons(rejection.reason)}
                    {rejection.note ? `: ${rejection.note}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

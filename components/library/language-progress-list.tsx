import { useLocale, useTranslations } from 'next-intl';

import type { LanguageFigures } from '@/lib/progress/types';
import type { LanguageProgress } from '@/lib/reader/types';

import { languageLabel } from '../format/language-name';
import { Badge } from '../ui/badge';
import { ProgressBar } from '../ui/progress-bar';

/** The share of a language's text-bearing segments that have a published text, in whole percent. */
export function publishedPercent(progress: Pick<LanguageProgress, 'approved' | 'total'>): number {
  return progress.total > 0 ? Math.round((progress.approved / progress.total) * 100) : 0;
}

/** The review figures of a language, leaving out those at zero. */
function reviewFigures(figures: LanguageFigures): { count: number; key: 'proposed' | 'awaitingValidation' | 'reviewed' | 'stale'; isWarning: boolean }[] {
  const parts = [
    { count: figures.proposed, key: 'proposed' as const, isWarning: false },
    { count: figures.approved, key: 'awaitingValidation' as const, isWarning: false },
    { count: figures.validated, key: 'reviewed' as const, isWarning: false },
    { count: figures.stale, key: 'stale' as const, isWarning: true },
  ];
  return parts.filter((part) => part.count > 0);
}

export interface LanguageProgressListProps {
  languages: LanguageProgress[];
  /** Review figures per language (the work page); without them only the published share shows. */
  figures?: readonly LanguageFigures[];
  className?: string;
}

/**
 * Each language of a work with its published share (approved / text-bearing segments) and, on
 * the work page, what is proposed, awaiting validation, reviewed and stale.
 */
export function LanguageProgressList({ languages, figures, className }: LanguageProgressListProps) {
  const t = useTranslations('progress');
  const locale = useLocale();
  if (languages.length === 0) return null;
  return (
    <ul className={className ?? 'space-y-2.5'}>
      {languages.map((progress) => {
        const name = languageLabel(progress.language, locale);
        const percent = publishedPercent(progress);
        const own = figures?.find((entry) => entry.language === progress.language);
        const detail = own ? reviewFigures(own) : null;
        return (
          <li key={progress.language} className="space-y-1">
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="flex items-center gap-2">
                <span className="font-medium text-ink">{name}</span>
                {progress.isSource && <Badge>{t('original')}</Badge>}
              </span>
              <span className="text-xs text-muted tabular-nums">
                {t('publishedFigures', { approved: progress.approved, total: progress.total, percent: percent / 100 })}
              </span>
            </div>
            <ProgressBar value={progress.approved} max={progress.total} label={t(progress.isSource ? 'barLabelOriginal' : 'barLabelTranslation', { language: name })} />
            {detail && detail.length > 0 && (
              <p className="text-xs text-muted" data-progress-figures={progress.language}>
                {detail.map((part, index) => (
                  <span key={part.key} className={part.isWarning ? 'text-amber-800' : undefined}>
                    {index > 0 && ' · '}
                    {t(part.key, { count: part.count })}
                  </span>
                ))}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

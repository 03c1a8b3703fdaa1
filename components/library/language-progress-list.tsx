import type { LanguageFigures } from '@/lib/progress/types';
import type { LanguageProgress } from '@/lib/reader/types';

import { languageName } from '../format/language-name';
import { Badge } from '../ui/badge';
import { ProgressBar } from '../ui/progress-bar';

/** The share of a language's text-bearing segments that have a published text, in whole percent. */
export function publishedPercent(progress: Pick<LanguageProgress, 'approved' | 'total'>): number {
  return progress.total > 0 ? Math.round((progress.approved / progress.total) * 100) : 0;
}

/** The review figures of a language in words, leaving out those at zero. */
function reviewFigures(figures: LanguageFigures): { text: string; isWarning: boolean }[] {
  const parts = [
    { count: figures.proposed, text: `${figures.proposed.toLocaleString('en')} proposed`, isWarning: false },
    { count: figures.approved, text: `${figures.approved.toLocaleString('en')} awaiting validation`, isWarning: false },
    { count: figures.validated, text: `${figures.validated.toLocaleString('en')} reviewed`, isWarning: false },
    { count: figures.stale, text: `${figures.stale.toLocaleString('en')} to check after source corrections`, isWarning: true },
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
  if (languages.length === 0) return null;
  return (
    <ul className={className ?? 'space-y-2.5'}>
      {languages.map((progress) => {
        const name = languageName(progress.language);
        const percent = publishedPercent(progress);
        const own = figures?.find((entry) => entry.language === progress.language);
        const detail = own ? reviewFigures(own) : null;
        return (
          <li key={progress.language} className="space-y-1">
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="flex items-center gap-2">
                <span className="font-medium text-ink">{name}</span>
                {progress.isSource && <Badge>original</Badge>}
              </span>
              <span className="text-xs text-muted tabular-nums">
                {progress.approved.toLocaleString('en')} / {progress.total.toLocaleString('en')} · {percent}%
              </span>
            </div>
            <ProgressBar value={progress.approved} max={progress.total} label={`${name}${progress.isSource ? ' (original)' : ' translation'}, published segments`} />
            {detail && detail.length > 0 && (
              <p className="text-xs text-muted" data-progress-figures={progress.language}>
                {detail.map((part, index) => (
                  <span key={part.text} className={part.isWarning ? 'text-amber-800' : undefined}>
                    {index > 0 && ' · '}
                    {part.text}
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

import type { LanguageProgress } from '@/lib/reader/types';

import { languageName } from '../format/language-name';
import { Badge } from '../ui/badge';
import { ProgressBar } from '../ui/progress-bar';

/** Each language of a work with its published share (approved / text-bearing segments). */
export function LanguageProgressList({ languages, className }: { languages: LanguageProgress[]; className?: string }) {
  if (languages.length === 0) return null;
  return (
    <ul className={className ?? 'space-y-2.5'}>
      {languages.map((progress) => {
        const name = languageName(progress.language);
        const percent = progress.total > 0 ? Math.round((progress.approved / progress.total) * 100) : 0;
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
          </li>
        );
      })}
    </ul>
  );
}

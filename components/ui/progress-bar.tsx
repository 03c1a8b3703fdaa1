import { useTranslations } from 'next-intl';

import { cn } from './cn';

export interface ProgressBarProps {
  value: number;
  max: number;
  /** What the bar measures, read out with the figures ("French translation"). */
  label: string;
  className?: string;
}

/** A thin horizontal bar with an accessible name and value ("French translation: 12 of 40"). */
export function ProgressBar({ value, max, label, className }: ProgressBarProps) {
  const t = useTranslations('progress');
  const ratio = max > 0 ? Math.min(Math.max(value / max, 0), 1) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={t('valueText', { value, max, percent: Math.round(ratio * 100) / 100 })}
      className={cn('h-1.5 w-full overflow-hidden rounded-full bg-stone-200', className)}
    >
      <div className={cn('h-full rounded-full', ratio >= 1 ? 'bg-emerald-600' : 'bg-accent-500')} style={{ width: `${ratio * 100}%` }} />
    </div>
  );
}

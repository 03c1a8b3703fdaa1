import { useTranslations } from 'next-intl';

import { AlignmentIcon, type AlignmentIconName } from './alignment-icons';
import { LOW_CONFIDENCE } from './row-operations';
import { cn } from '../ui/cn';

/** The buttons explained, in toolbar order (named by `align.operations`, explained by `align.legend`). */
const ENTRIES: readonly Exclude<AlignmentIconName, 'realignTo' | 'context'>[] = ['merge', 'split', 'splitAt', 'shiftUp', 'shiftDown', 'unlink', 'realignFrom'];

/** What the row buttons do, folded away once learnt. Nothing is lost: sentences only move. */
export function AlignmentLegend({ className }: { className?: string }) {
  const t = useTranslations('align');
  return (
    <details className={cn('rounded-lg border border-line bg-surface px-4 py-3 text-sm', className)}>
      <summary className="cursor-pointer font-medium">{t('legend.summary')}</summary>
      <ul className="mt-3 grid gap-2 text-muted sm:grid-cols-2">
        {ENTRIES.map((icon) => (
          <li key={icon} className="flex gap-2">
            <span className="mt-0.5 text-ink">
              <AlignmentIcon name={icon} />
            </span>
            <span>
              {t.rich('legend.entry', {
                label: t(`operations.${icon}`),
                description: t(`legend.${icon}`),
                name: (chunks) => <span className="font-medium text-ink">{chunks}</span>,
              })}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-muted">{t('legend.footer', { threshold: LOW_CONFIDENCE })}</p>
    </details>
  );
}

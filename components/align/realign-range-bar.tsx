import { useTranslations } from 'next-intl';

import { Button } from '../ui/button';

export interface RealignRangeBarProps {
  /** Reading-order positions (0-based) of the chosen first and last rows. */
  start: number;
  end: number | null;
  isBusy: boolean;
  onRealign: () => void;
  onCancel: () => void;
}

/** The range being chosen for "Re-align range": what it covers, and the buttons to run or drop it. */
export function RealignRangeBar({ start, end, isBusy, onRealign, onCancel }: RealignRangeBarProps) {
  const t = useTranslations('align.rangeBar');
  return (
    <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-accent-200 bg-accent-50 px-3 py-2 text-sm text-accent-800">
      <p className="min-w-0 flex-1 basis-64">
        {end === null
          ? t.rich('choosing', { from: start + 1, b: (chunks) => <span className="font-medium">{chunks}</span> })
          : t('chosen', { from: start + 1, to: end + 1, count: end - start + 1 })}
      </p>
      <div className="flex gap-2">
        <Button size="sm" onClick={onRealign} disabled={end === null || isBusy}>
          {t('realign')}
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}

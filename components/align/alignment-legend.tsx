import { AlignmentIcon, type AlignmentIconName } from './alignment-icons';
import { LOW_CONFIDENCE } from './row-operations';
import { cn } from '../ui/cn';

const ENTRIES: { icon: AlignmentIconName; label: string; description: string }[] = [
  { icon: 'merge', label: 'Merge with previous', description: 'this row’s translation joins the one above: one translation for both sources.' },
  { icon: 'split', label: 'Split off the last sentence', description: 'a row covered by the translation above gets its own: the last sentence of it.' },
  {
    icon: 'splitAt',
    label: 'Split…',
    description:
      'choose the point in this translation (click a gap, or ←/→ and ↑/↓, then Enter): the rest goes to the next row, as its own translation or before the one it has. A translation covering several rows also shows a suggested split.',
  },
  { icon: 'shiftUp', label: 'Move first sentence up', description: 'the first sentence of this translation moves to the row above.' },
  { icon: 'shiftDown', label: 'Move last sentence down', description: 'the last sentence of this translation moves to the row below.' },
  { icon: 'unlink', label: 'Unlink', description: 'this source has no counterpart: its translation moves to the row above.' },
  { icon: 'realignFrom', label: 'Re-align from here', description: 'then “Re-align to here” on a later row, and “Re-align range”: the aligner redistributes that stretch again.' },
];

/** What the row buttons do, folded away once learnt. Nothing is lost: sentences only move. */
export function AlignmentLegend({ className }: { className?: string }) {
  return (
    <details className={cn('rounded-lg border border-line bg-surface px-4 py-3 text-sm', className)}>
      <summary className="cursor-pointer font-medium">What the buttons do</summary>
      <ul className="mt-3 grid gap-2 text-muted sm:grid-cols-2">
        {ENTRIES.map((entry) => (
          <li key={entry.icon} className="flex gap-2">
            <span className="mt-0.5 text-ink">
              <AlignmentIcon name={entry.icon} />
            </span>
            <span>
              <span className="font-medium text-ink">{entry.label}</span>: {entry.description}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-muted">
        Every sentence of the translation is kept. The percentage on each row is the aligner’s confidence; rows below {Math.round(LOW_CONFIDENCE * 100)}% are flagged ⚑. Rows you
        fix count as certain. Undo with the button or Ctrl+Z (⌘Z).
      </p>
    </details>
  );
}

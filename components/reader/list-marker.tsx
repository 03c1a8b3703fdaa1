import { cn } from '../ui/cn';

/**
 * A list item's marker as the text writes it ("1.", "a)", "•"): part of the layout, not of the
 * text, so it is shown beside the original and the translation alike and never translated.
 */
export function ListMarker({ marker, className }: { marker: string; className?: string }) {
  return (
    <span data-marker={marker} className={cn('whitespace-nowrap text-muted tabular-nums', className)}>
      {marker}
    </span>
  );
}

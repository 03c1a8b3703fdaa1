import type { CSSProperties } from 'react';

import { cn } from '../ui/cn';

/** How far (rem) an item of a list nested `depth` lists deep is set in beyond a top-level item. */
export function nestedListIndentRem(depth: number): number {
  return Math.max(0, depth) * 1.75;
}

/**
 * A list item's marker as the text writes it ("1.", "a)", "•"): part of the layout, not of the
 * text, so it is shown beside the original and the translation alike and never translated.
 */
export function ListMarker({ marker, className, style }: { marker: string; className?: string; style?: CSSProperties }) {
  return (
    <span data-marker={marker} className={cn('whitespace-nowrap text-muted tabular-nums', className)} style={style}>
      {marker}
    </span>
  );
}

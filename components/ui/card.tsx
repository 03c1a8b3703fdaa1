import type { HTMLAttributes } from 'react';

import { cn } from './cn';

/** A bordered surface that groups related content. */
export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('rounded-lg border border-line bg-surface shadow-xs', className)} {...props} />;
}

import type { SelectHTMLAttributes } from 'react';

import { cn } from './cn';
import { CONTROL_CLASS_NAME } from './input';

/** A native select (keyboard and screen-reader behaviour for free) styled like the inputs. */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(CONTROL_CLASS_NAME, 'h-10 pr-8', className)} {...props} />;
}

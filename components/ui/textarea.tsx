import type { TextareaHTMLAttributes } from 'react';

import { cn } from './cn';
import { CONTROL_CLASS_NAME } from './input';

/** A multi-line text input; its height comes from `rows` (4 unless given). */
export function Textarea({ className, rows = 4, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea rows={rows} className={cn(CONTROL_CLASS_NAME, 'leading-relaxed', className)} {...props} />;
}

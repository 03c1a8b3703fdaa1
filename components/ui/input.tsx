import type { InputHTMLAttributes } from 'react';

import { cn } from './cn';

/** Shared look of text inputs, selects and text areas. */
export const CONTROL_CLASS_NAME = cn(
  'block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-base text-ink shadow-xs sm:text-sm',
  'placeholder:text-stone-400 focus-visible:border-accent-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent-600/40',
  'disabled:cursor-not-allowed disabled:bg-stone-100 aria-invalid:border-red-600',
);

/** A text input. Pair it with a {@link Label} or use {@link Field}. */
export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(CONTROL_CLASS_NAME, 'h-10', className)} {...props} />;
}

'use client';

import { useState, useTransition, type FormEvent, type ReactNode } from 'react';

import { unreachableResult, type ActionResult } from '@/lib/errors/field-errors';

import { Alert } from '../ui/alert';
import { Button, type ButtonVariant } from '../ui/button';
import { cn } from '../ui/cn';

export type FormAction<T> = (previous: ActionResult<T> | null, payload: FormData) => Promise<ActionResult<T>>;

export interface ActionFormProps<T> {
  action: FormAction<T>;
  /** The form's fields (hidden ids included), rendered on the server. */
  children?: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  /** What to say when it worked (the page itself shows the change). */
  describeSuccess?: (data: T) => string;
  className?: string;
}

/**
 * A form of the name index that calls one server action: its fields, a submit button disabled
 * while the action runs, and the action's error (or a word of success) below. What was typed is
 * kept when the action refuses it or cannot be reached (a form `action` would reset the form on
 * every submit); it is cleared once the action has done it.
 */
export function ActionForm<T>({ action, children, submitLabel, pendingLabel, variant = 'secondary', describeSuccess, className }: ActionFormProps<T>) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [isPending, startTransition] = useTransition();
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const payload = new FormData(form);
    startTransition(async () => {
      const outcome = await action(result, payload).catch(unreachableResult);
      setResult(outcome);
      if (outcome.ok) form.reset();
    });
  };
  return (
    <form onSubmit={handleSubmit} className={cn('flex flex-wrap items-end gap-3', className)}>
      {children}
      <Button type="submit" size="sm" variant={variant} disabled={isPending}>
        {isPending ? (pendingLabel ?? submitLabel) : submitLabel}
      </Button>
      {result && !result.ok && (
        <Alert tone="error" className="w-full">
          {result.error.message}
        </Alert>
      )}
      {result?.ok && describeSuccess && (
        <p role="status" className="w-full text-sm text-muted">
          {describeSuccess(result.data)}
        </p>
      )}
    </form>
  );
}

'use client';

import { useFormatter } from 'next-intl';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * A date and time in the reader's own time zone, in the interface's language. The server does not know that zone, so the
 * server render and hydration show the UTC day, and the browser then shows the local time.
 */
export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const isBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const format = useFormatter();
  const date = new Date(iso);
  return (
    <time dateTime={iso} className={className} title={isBrowser ? date.toString() : undefined}>
      {isBrowser ? format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }) : format.dateTime(date, { dateStyle: 'medium', timeZone: 'UTC' })}
    </time>
  );
}

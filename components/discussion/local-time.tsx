'use client';

import { useSyncExternalStore } from 'react';

const dayFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
const localFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const subscribe = () => () => undefined;

/**
 * A date and time in the reader's own time zone. The server does not know that zone, so the
 * server render and hydration show the UTC day, and the browser then shows the local time.
 */
export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const isBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = new Date(iso);
  return (
    <time dateTime={iso} className={className} title={isBrowser ? date.toString() : undefined}>
      {isBrowser ? localFormat.format(date) : dayFormat.format(date)}
    </time>
  );
}

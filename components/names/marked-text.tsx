import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** A passage with stretches marked (a name's mentions), offsets in UTF-16 code units. */
export function MarkedText({ text, marks }: { text: string; marks: { start: number; end: number; isPreferred: boolean }[] }) {
  const t = useTranslations('names.markedText');
  const parts: ReactNode[] = [];
  let at = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    if (mark.start < at || mark.end > text.length) continue;
    if (mark.start > at) parts.push(text.slice(at, mark.start));
    parts.push(
      <mark key={mark.start} className={mark.isPreferred ? 'rounded bg-amber-100 px-0.5 text-ink' : 'rounded bg-sky-100 px-0.5 text-ink underline decoration-dotted'} title={mark.isPreferred ? undefined : t('notPreferred')}>
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

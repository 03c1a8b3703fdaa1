import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { TocEntry } from '@/lib/reader/types';

import { readerHref } from '../reader/reader-href';

const INDENT = ['pl-0', 'pl-0', 'pl-4', 'pl-8', 'pl-12', 'pl-16', 'pl-20'];

/** The work's headings, indented by level, each opening the reader at that heading. */
export function TableOfContents({ workId, entries }: { workId: string; entries: TocEntry[] }) {
  const t = useTranslations('work');
  if (entries.length === 0) return <p className="text-sm text-muted">{t('noHeadings')}</p>;
  // Indent relative to the shallowest heading, so a work that starts at "##" is not pushed right.
  const minLevel = Math.min(...entries.map((entry) => entry.level));
  return (
    <ol className="space-y-0.5">
      {entries.map((entry) => (
        <li key={entry.segmentId} className={INDENT[Math.min(entry.level - minLevel + 1, INDENT.length - 1)]}>
          <Link
            href={readerHref({ workId, at: entry.segmentId })}
            className="-mx-2 block rounded-md px-2 py-1.5 font-serif text-ink hover:bg-stone-100 hover:text-accent-800"
          >
            {entry.text || <span className="text-muted italic">{t('untitledSection')}</span>}
          </Link>
        </li>
      ))}
    </ol>
  );
}

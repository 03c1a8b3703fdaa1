import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { ConcordancePair } from '@/lib/memory/types';

import { Snippet } from '../search/snippet';
import { Badge } from '../ui/badge';
import { cn } from '../ui/cn';

export interface ConcordancePairItemProps {
  pair: ConcordancePair;
  sourceLanguage: string;
  targetLanguage: string;
  /** Original above translation in a narrow panel (the editor's), side by side on a page. */
  isStacked?: boolean;
  /** Links open a new tab (from the editor, which they must not replace). */
  opensInNewTab?: boolean;
}

/** Where a pair of the library opens: its segment's permalink, beside its translation. */
export function concordancePermalink(segmentId: string, targetLanguage: string): string {
  return `/s/${segmentId}?mode=parallel&target=${encodeURIComponent(targetLanguage)}`;
}

/**
 * One concordance pair: the original and its translation, the words searched for marked, and where
 * it comes from. A pair of the library opens the reader at its passage; an imported one says which
 * file and translator it comes from (it has no passage to open).
 */
export function ConcordancePairItem({ pair, sourceLanguage, targetLanguage, isStacked = false, opensInNewTab = false }: ConcordancePairItemProps) {
  const t = useTranslations('concordance');
  const { provenance } = pair;
  const linkTarget = opensInNewTab ? '_blank' : undefined;
  const texts = (
    <div className={cn('grid gap-x-6 gap-y-1', !isStacked && 'sm:grid-cols-2')}>
      <Snippet parts={pair.source} lang={sourceLanguage} size={isStacked ? 'text-sm' : 'text-base'} />
      <Snippet parts={pair.target} lang={targetLanguage} size={isStacked ? 'text-sm' : 'text-base'} />
    </div>
  );
  return (
    <li data-concordance-pair={provenance.origin} className={cn('border-b border-line', isStacked ? 'py-2.5' : 'py-4')}>
      {provenance.origin === 'LIBRARY' ? (
        <Link href={concordancePermalink(provenance.segmentId, targetLanguage)} target={linkTarget} className="block rounded-md hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-accent-600">
          {texts}
        </Link>
      ) : (
        texts
      )}
      <p className="mt-1 text-xs text-muted">
        {provenance.origin === 'LIBRARY' ? (
          <>
            <Link href={`/works/${provenance.workId}`} target={linkTarget} className="text-ink-soft underline underline-offset-2">
              {provenance.workTitle}
            </Link>
            {provenance.workAuthor && ` · ${provenance.workAuthor}`}
            {provenance.translator && ` · ${t('translatedBy', { translator: provenance.translator })}`}
          </>
        ) : (
          <>
            <Badge tone="accent" className="mr-1.5">
              {t('imported')}
            </Badge>
            {provenance.file || t('memoryFile')}
            {provenance.translator && ` · ${provenance.translator}`}
            {' · '}
            {/* A slice of the ISO date: the same text on the server and in the browser. */}
            <span className="whitespace-nowrap">{provenance.date.slice(0, 10)}</span>
          </>
        )}
      </p>
    </li>
  );
}

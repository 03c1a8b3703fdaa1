import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { SearchHit } from '@/lib/search/search-library';

import { Snippet } from './snippet';

const KIND_KEYS = { HEADING: 'kindHeading', FOOTNOTE: 'kindNote', PARAGRAPH: null, SENTENCE: null } as const satisfies Record<SearchHit['kind'], string | null>;

/** One search result: the passage with its matches, its language, and the work it is in. */
export function SearchHitItem({ hit, languageName }: { hit: SearchHit; languageName: string }) {
  const t = useTranslations('search');
  const kindKey = KIND_KEYS[hit.kind];
  const kind = kindKey ? t(kindKey) : null;
  const byline = [hit.work.author, hit.work.dateText].filter(Boolean).join(', ');
  // A translation opens beside its original.
  const href = hit.language === hit.work.sourceLanguage ? `/s/${hit.segmentId}` : `/s/${hit.segmentId}?mode=parallel&target=${encodeURIComponent(hit.language)}`;
  return (
    <li className="border-b border-line py-4">
      <Link href={href} className="block rounded-md hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-accent-600">
        <Snippet parts={hit.snippet} lang={hit.language} />
      </Link>
      <p className="mt-1 text-sm text-muted">
        {languageName}
        {kind && ` · ${kind}`} · <Link href={`/works/${hit.work.id}`} className="text-ink-soft underline underline-offset-2">{hit.work.title}</Link>
        {byline && ` · ${byline}`}
        {hit.volume && (
          <>
            {' · '}
            <Link href={`/volumes/${hit.volume.id}`} className="underline-offset-2 hover:underline">
              {hit.volume.title}
            </Link>
          </>
        )}
      </p>
    </li>
  );
}

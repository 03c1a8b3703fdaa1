import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { languageNames } from '@/components/format/language-name';
import { OwnSuggestionList } from '@/components/review/own-suggestion-list';
import { cn } from '@/components/ui/cn';
import { getActor } from '@/lib/auth/session';
import { getOwnSuggestions, ownSuggestionsFilter, type OwnSuggestionsFilter } from '@/lib/review/own-suggestions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ownSuggestions'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TABS = [
  ['', 'tabAll'],
  ['PENDING', 'tabPENDING'],
  ['PUBLISHED', 'tabPUBLISHED'],
  ['REJECTED', 'tabREJECTED'],
] as const;

/** The signed-in author's suggestions, newest first, with outcomes and the reviewers' reasons. */
export default async function OwnSuggestionsPage({ searchParams }: Props) {
  const actor = await getActor();
  if (actor.kind !== 'user') redirect('/sign-in?callbackUrl=/suggestions');
  const query = await searchParams;
  const parsed = ownSuggestionsFilter.safeParse({ status: query.status || undefined, suggestionId: query.suggestion || undefined, before: query.before || undefined });
  const filter: OwnSuggestionsFilter = parsed.success ? parsed.data : {};
  const { items, next } = await getOwnSuggestions({ actor, filter: { ...filter, limit: 25 } });
  const [t, locale] = await Promise.all([getTranslations('ownSuggestions'), getLocale()]);
  const names = languageNames([...new Set(items.map((item) => item.language))], locale);
  const status = filter.status ?? '';
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-1 text-muted">{t('intro')}</p>
      <nav aria-label={t('filterByOutcome')} className="mt-6 flex gap-1 border-b border-line">
        {TABS.map(([value, key]) => (
          <Link
            key={value}
            href={value ? `/suggestions?status=${value}` : '/suggestions'}
            aria-current={status === value ? 'page' : undefined}
            className={cn('-mb-px border-b-2 px-3 py-2 text-sm', status === value ? 'border-accent-600 font-medium text-ink' : 'border-transparent text-muted hover:text-ink')}
          >
            {t(key)}
          </Link>
        ))}
      </nav>
      {filter.suggestionId && (
        <p className="mt-4 text-sm text-muted">
          {t('oneSuggestion')}{' '}
          <Link href="/suggestions" className="text-accent-700 hover:underline">
            {t('allYours')}
          </Link>
        </p>
      )}
      <div className="mt-6">
        {items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line px-4 py-10 text-center text-muted">
            {status ? t('noneHere') : t('nothingYet')}
          </p>
        ) : (
          <OwnSuggestionList items={items} languageNames={names} />
        )}
      </div>
      {next && (
        <Link href={`/suggestions?${new URLSearchParams({ ...(status ? { status } : {}), before: next })}`} className="mt-6 inline-block text-sm text-accent-700 hover:underline">
          {t('older')}
        </Link>
      )}
    </div>
  );
}

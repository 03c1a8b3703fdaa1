import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';

import { languageNames } from '@/components/format/language-name';
import { SearchForm } from '@/components/search/search-form';
import { SearchHitItem } from '@/components/search/search-hit';
import { Alert } from '@/components/ui/alert';
import { getActor } from '@/lib/auth/session';
import { issueMessage } from '@/lib/errors/localize-error';
import { clientAddress } from '@/lib/http/client-address';
import { findSearchFilters } from '@/lib/search/find-search-filters';
import { searchInputSchema, SEARCH_PAGE_SIZE, MAX_SEARCH_PAGE } from '@/lib/search/schemas';
import { searchLibrary } from '@/lib/search/search-library';

import { readParams, refusedAsMessage, type SearchParams } from './search-params';

type Props = { searchParams: SearchParams };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await readParams(searchParams)).q?.trim().slice(0, 80);
  const t = await getTranslations('search');
  return { title: q ? t('titleWithQuery', { q }) : t('title'), robots: { index: false } };
}

/** Search the library: every published text in every language, with filters and highlighted passages. */
export default async function SearchPage({ searchParams }: Props) {
  const params = await readParams(searchParams);
  const parsed = searchInputSchema.safeParse(params);
  const actor = await getActor();
  const input = parsed.success ? parsed.data : searchInputSchema.parse({});
  const address = clientAddress(await headers());
  // A reader searching too fast is told to wait, with the search kept in the form.
  const searched = parsed.success ? searchLibrary({ actor, input, clientAddress: address }).catch(refusedAsMessage) : null;
  const [filters, outcome] = await Promise.all([findSearchFilters({ actor, input }), searched]);
  const results = outcome && 'hits' in outcome ? outcome : null;
  const refusal = outcome && 'refusal' in outcome ? outcome.refusal : null;
  const [t, locale] = await Promise.all([getTranslations('search'), getLocale()]);
  const names = languageNames([...filters.languages, ...(results?.hits.map((hit) => hit.language) ?? [])], locale);
  const pageHref = (page: number) => `/search?${new URLSearchParams({ ...params, page: String(page) }).toString()}`;
  const lastPage = results ? Math.min(MAX_SEARCH_PAGE, Math.max(1, Math.ceil(results.total / SEARCH_PAGE_SIZE))) : 1;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="mb-6 font-serif text-3xl font-semibold tracking-tight">{t('heading')}</h1>
      <SearchForm input={parsed.success ? input : params} filters={filters} languageNames={names} />
      <p className="mt-3 text-sm text-muted">
        {t.rich('concordanceHint', {
          link: (chunks) => (
            <Link href={input.q === '' ? '/concordance' : `/concordance?${new URLSearchParams({ q: input.q }).toString()}`} className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      {!parsed.success && (
        <Alert tone="error" className="mt-6">
          {parsed.error.issues[0] ? issueMessage(parsed.error.issues[0], locale) : t('unreadable')}
        </Alert>
      )}
      {refusal && (
        <Alert tone="warning" className="mt-6">
          {refusal}
        </Alert>
      )}
      {results && input.q !== '' && (
        <section aria-labelledby="results-heading" className="mt-8">
          <h2 id="results-heading" className="text-sm text-muted" aria-live="polite">
            {results.total === 0
              ? t('nothingFound')
              : results.page > 1
                ? t('resultsWithPage', { results: t('results', { capped: results.isCapped ? 'yes' : 'no', total: results.total }), page: results.page })
                : t('results', { capped: results.isCapped ? 'yes' : 'no', total: results.total })}
          </h2>
          <ol className="mt-2">
            {results.hits.map((hit) => (
              <SearchHitItem key={`${hit.segmentId}:${hit.language}`} hit={hit} languageName={names[hit.language] ?? hit.language} />
            ))}
          </ol>
          {lastPage > 1 && (
            <nav aria-label={t('resultPages')} className="mt-6 flex justify-between text-sm">
              {results.page > 1 ? <Link href={pageHref(results.page - 1)} rel="prev" className="underline">{t('previous')}</Link> : <span />}
              {results.page < lastPage ? <Link href={pageHref(results.page + 1)} rel="next" className="underline">{t('next')}</Link> : <span />}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}

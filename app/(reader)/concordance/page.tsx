import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';

import { ConcordanceForm } from '@/components/concordance/concordance-form';
import { ConcordancePairItem } from '@/components/concordance/concordance-pair';
import { languageNames } from '@/components/format/language-name';
import { Alert } from '@/components/ui/alert';
import { getActor } from '@/lib/auth/session';
import { issueMessage } from '@/lib/errors/localize-error';
import { clientAddress } from '@/lib/http/client-address';
import { findConcordance } from '@/lib/memory/find-concordance';
import { findConcordanceLanguages } from '@/lib/memory/find-concordance-languages';
import { CONCORDANCE_PAGE_SIZE, concordanceFormSchema, concordanceQuerySchema } from '@/lib/memory/schemas';

import { readParams, refusedAsMessage, type SearchParams } from '../search/search-params';

type Props = { searchParams: SearchParams };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await readParams(searchParams)).q?.trim().slice(0, 80);
  const t = await getTranslations('concordance');
  return { title: q ? t('titleWithQuery', { q }) : t('title'), robots: { index: false } };
}

/**
 * Concordance: how a word or phrase was translated — the pairs of a language pair whose original
 * or translation holds it, the library's first, then imported memories', with the words marked.
 */
export default async function ConcordancePage({ searchParams }: Props) {
  const params = await readParams(searchParams);
  const actor = await getActor();
  const [t, locale] = await Promise.all([getTranslations('concordance'), getLocale()]);
  const form = concordanceFormSchema.safeParse(params);
  const { languages, usualPair } = await findConcordanceLanguages({ actor });
  const values = form.success ? { ...form.data, source: form.data.source ?? usualPair?.source, target: form.data.target ?? usualPair?.target } : params;
  const query = form.success && form.data.q !== '' ? concordanceQuerySchema.safeParse(values) : null;
  // A reader searching too fast is told to wait, with the search kept in the form.
  const outcome = query?.success ? await findConcordance({ actor, input: query.data, clientAddress: clientAddress(await headers()) }).catch(refusedAsMessage) : null;
  const results = outcome && 'pairs' in outcome ? outcome : null;
  const refusal = outcome && 'refusal' in outcome ? outcome.refusal : null;
  const problem = !form.success
    ? (form.error.issues[0] ? issueMessage(form.error.issues[0], locale) : t('unreadable'))
    : query && !query.success
      ? values.source === undefined || values.target === undefined
        ? t('noLibraryPairs')
        : (query.error.issues[0] ? issueMessage(query.error.issues[0], locale) : t('unreadable'))
      : null;
  const names = languageNames([...languages, ...[values.source, values.target].filter((tag): tag is string => !!tag)], locale);
  const pageHref = (page: number) => `/concordance?${new URLSearchParams({ ...params, ...(query?.success ? { source: query.data.source, target: query.data.target } : {}), page: String(page) }).toString()}`;
  const first = results ? (results.page - 1) * CONCORDANCE_PAGE_SIZE + 1 : 0;
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="mb-2 font-serif text-3xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mb-6 text-sm text-muted">
        {t.rich('intro', {
          link: (chunks) => (
            <Link href="/search" className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <ConcordanceForm values={{ q: String(values.q ?? ''), source: values.source, target: values.target, side: values.side === undefined ? undefined : String(values.side) }} languages={languages} languageNames={names} />
      {problem && (
        <Alert tone="error" className="mt-6">
          {problem}
        </Alert>
      )}
      {refusal && (
        <Alert tone="warning" className="mt-6">
          {refusal}
        </Alert>
      )}
      {results && query?.success && (
        <section aria-labelledby="results-heading" className="mt-8">
          <h2 id="results-heading" className="text-sm text-muted" aria-live="polite">
            {results.pairs.length === 0
              ? results.page > 1
                ? t('noMore')
                : t('nothingFound')
              : results.page === 1 && !results.hasMore
                ? t('pairCount', { count: results.pairs.length })
                : t('pairRange', { first, last: first + results.pairs.length - 1 })}
          </h2>
          {results.pairs.length > 0 && (
            <div aria-hidden="true" className="mt-3 hidden grid-cols-2 gap-x-6 border-b border-line pb-1 text-xs font-semibold tracking-wide text-muted uppercase sm:grid">
              <span>{t('originalColumn', { language: names[query.data.source] ?? query.data.source })}</span>
              <span>{t('translationColumn', { language: names[query.data.target] ?? query.data.target })}</span>
            </div>
          )}
          <ol>
            {results.pairs.map((pair) => (
              <ConcordancePairItem key={pair.provenance.origin === 'LIBRARY' ? pair.provenance.segmentId : pair.provenance.unitId} pair={pair} sourceLanguage={query.data.source} targetLanguage={query.data.target} />
            ))}
          </ol>
          {results.isImportedHidden && (
            <p className="mt-4 text-sm text-muted">
              {t.rich('importedHidden', {
                link: (chunks) => (
                  <Link href={`/sign-in?callbackUrl=${encodeURIComponent(pageHref(results.page))}`} className="underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          )}
          {(results.page > 1 || results.hasMore) && (
            <nav aria-label={t('resultPages')} className="mt-6 flex justify-between text-sm">
              {results.page > 1 ? <Link href={pageHref(results.page - 1)} rel="prev" className="underline">{t('previous')}</Link> : <span />}
              {results.hasMore ? <Link href={pageHref(results.page + 1)} rel="next" className="underline">{t('more')}</Link> : <span />}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}

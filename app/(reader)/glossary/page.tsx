import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';

import { orNotFound } from '@/app/_lib/or-not-found';
import { languageNames } from '@/components/format/language-name';
import { GlossaryEntryItem } from '@/components/glossary/glossary-entry-item';
import { GlossaryExchange } from '@/components/glossary/glossary-exchange';
import { GlossaryFilters } from '@/components/glossary/glossary-filters';
import { NewTermPanel } from '@/components/glossary/new-term-panel';
import { OwnProposals } from '@/components/glossary/own-proposals';
import { ProposalReview } from '@/components/glossary/proposal-review';
import { Alert } from '@/components/ui/alert';
import { getActor } from '@/lib/auth/session';
import { issueMessage } from '@/lib/errors/localize-error';
import { findGlossaryCollections } from '@/lib/glossary/find-glossary-collections';
import { findGlossaryEntries } from '@/lib/glossary/find-glossary-entries';
import { findGlossaryProposals } from '@/lib/glossary/find-glossary-proposals';
import { getGlossaryCollection } from '@/lib/glossary/get-glossary-collection';
import { glossaryListQuerySchema } from '@/lib/glossary/schemas';

import { readParams, type SearchParams } from '../search/search-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('glossary');
  return { title: t('title') };
}

export const dynamic = 'force-dynamic';

/**
 * A collection's glossary for one language pair (`?collection=…&source=ru&target=en`): its terms,
 * searched and filtered; editors add, change and delete terms and decide on proposals, volunteers
 * propose terms and translations and see what became of theirs. Without a collection: the choice.
 */
export default async function GlossaryPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await readParams(searchParams);
  const [actor, t, locale] = await Promise.all([getActor(), getTranslations('glossary'), getLocale()]);
  if (!params.collection) return <CollectionChoice collections={await findGlossaryCollections({ actor })} />;
  if (!z.uuid().safeParse(params.collection).success) notFound();
  const collection = await orNotFound(getGlossaryCollection({ actor, collectionId: params.collection }));
  const e = await getTranslations('emptyStates');
  const pair = params.source && params.target ? { source: params.source, target: params.target } : collection.pairs[0] ? { source: collection.pairs[0].sourceLanguage, target: collection.pairs[0].targetLanguage } : null;
  const query = pair ? glossaryListQuerySchema.safeParse({ ...params, collectionId: collection.id, ...pair }) : null;
  const [page, waiting, mine] = await Promise.all([
    query?.success ? findGlossaryEntries({ actor, input: query.data }) : null,
    collection.abilities.canManage ? findGlossaryProposals({ actor, collectionId: collection.id, scope: 'waiting' }) : [],
    collection.abilities.canPropose && !collection.abilities.canManage ? findGlossaryProposals({ actor, collectionId: collection.id, scope: 'mine' }) : [],
  ]);
  const names = languageNames([...new Set([...collection.pairs.flatMap((entry) => [entry.sourceLanguage, entry.targetLanguage]), ...(query?.success ? [query.data.source, query.data.target] : []), ...waiting.flatMap((proposal) => [proposal.sourceLanguage, proposal.targetLanguage])])], locale);
  const base = { collection: collection.id, ...(query?.success ? { source: query.data.source, target: query.data.target } : {}) };
  const href = (extra: Record<string, string>) => `/glossary?${new URLSearchParams({ ...base, ...extra }).toString()}`;
  const filters = query?.success ? { q: query.data.q, ...(query.data.status ? { status: query.data.status } : {}), ...(query.data.partOfSpeech ? { partOfSpeech: query.data.partOfSpeech } : {}) } : {};
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <Link href="/glossary" className="text-sm text-muted hover:text-ink hover:underline">
        {t('allGlossaries')}
      </Link>
      <h1 className="mt-2 font-serif text-3xl font-semibold tracking-tight">{t('heading', { collection: collection.title })}</h1>
      <p className="mt-2 max-w-3xl text-muted">
        {t('intro')}
      </p>
      {collection.pairs.length > 1 && (
        <nav aria-label={t('languagePairs')} className="mt-5 flex flex-wrap gap-2 text-sm">
          {collection.pairs.map((entry) => {
            const isCurrent = query?.success && entry.sourceLanguage === query.data.source && entry.targetLanguage === query.data.target;
            return (
              <Link key={`${entry.sourceLanguage}>${entry.targetLanguage}`} href={`/glossary?${new URLSearchParams({ collection: collection.id, source: entry.sourceLanguage, target: entry.targetLanguage }).toString()}`} aria-current={isCurrent ? 'page' : undefined} className={isCurrent ? 'rounded-md bg-accent-50 px-2.5 py-1 font-medium text-accent-800' : 'rounded-md px-2.5 py-1 text-ink-soft hover:bg-stone-100'}>
                {t('pair', { source: names[entry.sourceLanguage] ?? entry.sourceLanguage, target: names[entry.targetLanguage] ?? entry.targetLanguage, count: entry.terms })}
              </Link>
            );
          })}
        </nav>
      )}
      {!pair && <Alert className="mt-6">{t.rich('noPair', { code: (chunks) => <code>{chunks}</code> })}</Alert>}
      {query && !query.success && (
        <Alert tone="error" className="mt-6">
          {query.error.issues[0] ? issueMessage(query.error.issues[0], locale) : t('unreadable')}
        </Alert>
      )}
      {collection.abilities.canManage && waiting.length > 0 && (
        <section aria-labelledby="proposals-heading" className="mt-8">
          <h2 id="proposals-heading" className="mb-3 text-lg font-semibold">
            {t('waiting', { count: waiting.length })}
          </h2>
          <ProposalReview collectionId={collection.id} proposals={waiting} names={names} />
        </section>
      )}
      {query?.success && page && (
        <>
          <div className="mt-8">
            <GlossaryExchange collectionId={collection.id} source={query.data.source} target={query.data.target} canImport={collection.abilities.canManage} />
          </div>
          {collection.abilities.canPropose && (
            <div className="mt-8">
              <NewTermPanel collectionId={collection.id} source={query.data.source} target={query.data.target} sourceName={names[query.data.source] ?? query.data.source} targetName={names[query.data.target] ?? query.data.target} canManage={collection.abilities.canManage} />
            </div>
          )}
          <section aria-labelledby="terms-heading" className="mt-8">
            <h2 id="terms-heading" className="sr-only">
              {t('terms')}
            </h2>
            <GlossaryFilters collectionId={collection.id} source={query.data.source} target={query.data.target} values={filters} />
            <p className="mt-4 text-sm text-muted" aria-live="polite">
              {page.total === 0 ? (query.data.q || query.data.status || query.data.partOfSpeech ? t('noMatch') : t('noTerms')) : t('termCount', { count: page.total })}
            </p>
            {page.total === 0 && !(query.data.q || query.data.status || query.data.partOfSpeech) && (
              <p className="mt-1 text-sm text-muted">{e(collection.abilities.canManage ? 'glossaryManage' : collection.abilities.canPropose ? 'glossaryPropose' : 'glossaryRead')}</p>
            )}
            <ul className="mt-2 divide-y divide-line border-y border-line">
              {page.entries.map((entry) => (
                <GlossaryEntryItem key={entry.id} collectionId={collection.id} entry={entry} source={query.data.source} target={query.data.target} names={names} abilities={collection.abilities} />
              ))}
            </ul>
            {page.pageCount > 1 && (
              <nav aria-label={t('pagesOfTerms')} className="mt-4 flex justify-between text-sm">
                {page.page > 1 ? <Link href={href({ ...filters, page: String(page.page - 1) })} rel="prev" className="underline">{t('previous')}</Link> : <span />}
                <span className="text-muted">
                  {t('pageOf', { page: page.page, count: page.pageCount })}
                </span>
                {page.page < page.pageCount ? <Link href={href({ ...filters, page: String(page.page + 1) })} rel="next" className="underline">{t('next')}</Link> : <span />}
              </nav>
            )}
          </section>
        </>
      )}
      {mine.length > 0 && (
        <section aria-labelledby="mine-heading" className="mt-10">
          <h2 id="mine-heading" className="mb-3 text-lg font-semibold">
            {t('yourProposals')}
          </h2>
          <OwnProposals proposals={mine} />
        </section>
      )}
    </div>
  );
}

function CollectionChoice({ collections }: { collections: { id: string; title: string; terms: number }[] }) {
  const t = useTranslations('glossary');
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{t('choiceTitle')}</h1>
      <p className="mt-2 text-muted">{t('choiceIntro')}</p>
      {collections.length === 0 ? (
        <p className="mt-8 text-muted">{t('noCollections')}</p>
      ) : (
        <ul className="mt-6 divide-y divide-line border-y border-line">
          {collections.map((collection) => (
            <li key={collection.id} className="flex items-center justify-between py-3">
              <Link href={`/glossary?collection=${collection.id}`} className="font-medium underline-offset-2 hover:underline">
                {collection.title}
              </Link>
              <span className="text-sm text-muted">
                {t('termCount', { count: collection.terms })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

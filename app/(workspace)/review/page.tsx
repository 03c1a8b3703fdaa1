import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { languageNames } from '@/components/format/language-name';
import { ReportQueue } from '@/components/report/report-queue';
import type { QueueFilters } from '@/components/review/review-api';
import { ReviewQueue } from '@/components/review/review-queue';
import { structureOf } from '@/components/review/structure-of';
import { buttonClassName } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Select } from '@/components/ui/select';
import { findCollectionChoices } from '@/lib/auth/find-collection-choices';
import { canSomewhere } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { CHECK_IDS } from '@/lib/checks/types';
import { getReviewQueue, queueFilter } from '@/lib/review/review-queue';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('review'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const AGES = [
  ['', 'anyAge'],
  ['1', 'dayOrOlder'],
  ['7', 'weekOrOlder'],
  ['30', 'monthOrOlder'],
] as const;

/** The filters of the URL (`?collection=…&work=…&segment=…&lang=…&author=…&kind=…&check=…&age=…`), invalid ones dropped. */
function filtersOf(query: Record<string, string | string[] | undefined>): QueueFilters {
  const one = (key: string) => (typeof query[key] === 'string' && query[key] !== '' ? query[key] : undefined);
  const parsed = queueFilter.safeParse({ collectionId: one('collection'), workId: one('work'), segmentId: one('segment'), language: one('lang'), authorId: one('author'), kind: one('kind'), check: one('check'), minAgeDays: one('age') });
  if (!parsed.success) return {};
  const { collectionId, workId, segmentId, language, authorId, kind, check, minAgeDays } = parsed.data;
  return Object.fromEntries(Object.entries({ collectionId, workId, segmentId, language, authorId, kind, check, minAgeDays }).filter(([, value]) => value !== undefined)) as QueueFilters;
}

/** The URL query of some filters (the inverse of {@link filtersOf}). */
function queryOf(filters: QueueFilters): Record<string, string> {
  const names: Record<keyof QueueFilters, string> = { collectionId: 'collection', workId: 'work', segmentId: 'segment', language: 'lang', authorId: 'author', kind: 'kind', check: 'check', minAgeDays: 'age' };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined).map(([key, value]) => [names[key as keyof QueueFilters], String(value)]));
}

/**
 * The editors' review queue: open suggestions of the collections they review, oldest first, with
 * filters in the URL so a filtered queue can be bookmarked and shared.
 */
export default async function ReviewPage({ searchParams }: Props) {
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect('/sign-in?callbackUrl=/review');
  const [t, tChecks, locale] = await Promise.all([getTranslations('review'), getTranslations('checks'), getLocale()]);
  if (!canSomewhere(actor, 'suggestion.review') || actor.kind !== 'user') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <h1 className="font-serif text-3xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-4 text-ink-soft">
          {t.rich('notReviewer', {
            link: (chunks) => (
              <Link href="/suggestions" className="text-accent-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
    );
  }
  const query = await searchParams;
  const filters = filtersOf(query);
  const tab = query.tab === 'reports' ? 'reports' : 'suggestions';
  const collections = await findCollectionChoices({ actor, action: 'suggestion.review' });
  const scoped = filters.collectionId && !collections.some((collection) => collection.id === filters.collectionId) ? { ...filters, collectionId: undefined } : filters;
  const page = tab === 'reports' ? { items: [], next: null } : await getReviewQueue({ actor, filter: { ...scoped, limit: 20 } });
  // The translations a structural change carries are named too.
  const translations = (item: (typeof page.items)[number]) => structureOf(item)?.preview.after.flatMap((row) => row.translations.map((translation) => translation.language)) ?? [];
  const names = languageNames([...new Set(page.items.flatMap((item) => [item.language, item.work.sourceLanguage, ...translations(item)]))], locale);
  const hasFilters = Object.values(scoped).some((value) => value !== undefined);
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-3xl font-semibold tracking-tight">{t('title')}</h1>
        <Link href="/suggestions" className="text-sm text-accent-700 hover:underline">
          {t('ownSuggestions')}
        </Link>
      </div>
      <p className="mt-1 text-muted">{t('intro')}</p>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-3" aria-label={t('filterQueue')}>
        <label className="grid gap-1 text-sm">
          {t('collection')}
          <Select name="collection" defaultValue={scoped.collectionId ?? ''} className="w-56">
            <option value="">{t('allIReview')}</option>
            {collections.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {collection.title}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          {t('kind')}
          <Select name="kind" defaultValue={scoped.kind ?? ''} className="w-40">
            <option value="">{t('allKinds')}</option>
            <option value="CORRECTION">{t('corrections')}</option>
            <option value="TRANSLATION">{t('translations')}</option>
            <option value="STRUCTURE">{t('structure')}</option>
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          {t('check')}
          <Select name="check" defaultValue={scoped.check ?? ''} className="w-52">
            <option value="">{t('anyCheck')}</option>
            {CHECK_IDS.map((id) => (
              <option key={id} value={id}>
                {t('finds', { check: tChecks(`names.${id}`) })}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          {t('language')}
          <input name="lang" defaultValue={scoped.language ?? ''} placeholder={t('languagePlaceholder')} className="h-10 w-24 rounded-md border border-line-strong bg-surface px-2" />
        </label>
        <label className="grid gap-1 text-sm">
          {t('age')}
          <Select name="age" defaultValue={scoped.minAgeDays?.toString() ?? ''} className="w-44">
            {AGES.map(([value, key]) => (
              <option key={value} value={value}>
                {t(key)}
              </option>
            ))}
          </Select>
        </label>
        {scoped.workId && <input type="hidden" name="work" value={scoped.workId} />}
        {scoped.segmentId && <input type="hidden" name="segment" value={scoped.segmentId} />}
        {scoped.authorId && <input type="hidden" name="author" value={scoped.authorId} />}
        {tab === 'reports' && <input type="hidden" name="tab" value="reports" />}
        <button type="submit" className={buttonClassName({ variant: 'secondary' })}>
          {t('filter')}
        </button>
        {hasFilters && (
          <Link href="/review" className="text-sm text-accent-700 hover:underline">
            {t('clearFilters')}
          </Link>
        )}
      </form>

      <nav aria-label={t('whatToReview')} className="mt-6 flex gap-1 border-b border-line">
        {(
          [
            ['suggestions', t('suggestionsTab')],
            ['reports', t('reportsTab')],
          ] as const
        ).map(([id, label]) => (
          <Link
            key={id}
            href={`/review?${new URLSearchParams({ ...queryOf(scoped), ...(id === 'reports' ? { tab: 'reports' } : {}) })}`}
            aria-current={tab === id ? 'page' : undefined}
            className={cn('-mb-px border-b-2 px-3 py-2 text-sm', tab === id ? 'border-accent-600 font-medium text-ink' : 'border-transparent text-muted hover:text-ink')}
          >
            {label}
          </Link>
        ))}
      </nav>
      <div className="mt-6">
        {tab === 'reports' ? (
          <ReportQueue collectionId={scoped.collectionId} workId={scoped.workId} language={scoped.language} />
        ) : (
          <ReviewQueue key={JSON.stringify(scoped)} initial={page} filters={scoped} viewerId={actor.id} languageNames={names} />
        )}
      </div>
    </div>
  );
}

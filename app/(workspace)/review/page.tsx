import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

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
import { CHECKS } from '@/lib/checks/check-catalog';
import { CHECK_IDS } from '@/lib/checks/types';
import { getReviewQueue, queueFilter } from '@/lib/review/review-queue';

export const metadata: Metadata = { title: 'Review' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const AGES = [
  ['', 'Any age'],
  ['1', 'A day or older'],
  ['7', 'A week or older'],
  ['30', 'A month or older'],
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
  if (!canSomewhere(actor, 'suggestion.review') || actor.kind !== 'user') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Review</h1>
        <p className="mt-4 text-ink-soft">
          Editors review suggestions here. You can follow what happened to yours on <Link href="/suggestions" className="text-accent-700 underline">your suggestions</Link>.
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
  const names = languageNames([...new Set(page.items.flatMap((item) => [item.language, item.work.sourceLanguage, ...translations(item)]))]);
  const hasFilters = Object.values(scoped).some((value) => value !== undefined);
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Review</h1>
        <Link href="/suggestions" className="text-sm text-accent-700 hover:underline">
          Your own suggestions
        </Link>
      </div>
      <p className="mt-1 text-muted">Suggestions waiting for an editor, oldest first, each shown as a word diff against the published text; errors readers reported.</p>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-3" aria-label="Filter the queue">
        <label className="grid gap-1 text-sm">
          Collection
          <Select name="collection" defaultValue={scoped.collectionId ?? ''} className="w-56">
            <option value="">All I review</option>
            {collections.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {collection.title}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          Kind
          <Select name="kind" defaultValue={scoped.kind ?? ''} className="w-40">
            <option value="">All kinds</option>
            <option value="CORRECTION">Corrections</option>
            <option value="TRANSLATION">Translations</option>
            <option value="STRUCTURE">Structure</option>
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          Quality check
          <Select name="check" defaultValue={scoped.check ?? ''} className="w-52">
            <option value="">Any</option>
            {CHECK_IDS.map((id) => (
              <option key={id} value={id}>
                Finds: {CHECKS[id].title}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          Language
          <input name="lang" defaultValue={scoped.language ?? ''} placeholder="e.g. fr" className="h-10 w-24 rounded-md border border-line-strong bg-surface px-2" />
        </label>
        <label className="grid gap-1 text-sm">
          Age
          <Select name="age" defaultValue={scoped.minAgeDays?.toString() ?? ''} className="w-44">
            {AGES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </label>
        {scoped.workId && <input type="hidden" name="work" value={scoped.workId} />}
        {scoped.segmentId && <input type="hidden" name="segment" value={scoped.segmentId} />}
        {scoped.authorId && <input type="hidden" name="author" value={scoped.authorId} />}
        {tab === 'reports' && <input type="hidden" name="tab" value="reports" />}
        <button type="submit" className={buttonClassName({ variant: 'secondary' })}>
          Filter
        </button>
        {hasFilters && (
          <Link href="/review" className="text-sm text-accent-700 hover:underline">
            Clear filters
          </Link>
        )}
      </form>

      <nav aria-label="What to review" className="mt-6 flex gap-1 border-b border-line">
        {(
          [
            ['suggestions', 'Suggestions'],
            ['reports', 'Readers’ reports'],
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

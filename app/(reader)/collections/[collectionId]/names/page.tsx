import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { orNotFound } from '@/app/_lib/or-not-found';
import { languageNames } from '@/components/format/language-name';
import { ActionForm } from '@/components/names/action-form';
import { NameCreateForm } from '@/components/names/name-create-form';
import { NameFormsList } from '@/components/names/name-forms-list';
import { Pager } from '@/components/names/pager';
import { ProposeNamesForm } from '@/components/names/propose-names-form';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { getActor } from '@/lib/auth/session';
import { NAME_INDEX_PAGE_SIZE } from '@/lib/config/limits';
import { findNameIndex } from '@/lib/names/find-name-index';
import { nameIndexQuerySchema } from '@/lib/names/schemas';
import type { NameSummary } from '@/lib/names/types';

import { createNameAction, decideNameAction, proposeNamesAction } from './actions';
import { readParams, type SearchParams } from '../../../search/search-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ collectionId: string }>; searchParams: SearchParams };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('names.index'))('metaTitle') };
}

/** A collection's index of persons and places, with the passages that mention them; editors manage it here. */
export default async function NameIndexPage({ params, searchParams }: Props) {
  const { collectionId } = await params;
  const raw = await readParams(searchParams);
  const query = nameIndexQuerySchema.safeParse({ ...raw, collectionId });
  // A collection id that is no id, or a page that is no page, names nothing.
  if (!query.success) notFound();
  const actor = await getActor();
  const e = await getTranslations('emptyStates');
  const index = await orNotFound(findNameIndex({ actor, query: query.data }));
  const t = await getTranslations('names');
  const names = languageNames([...new Set([...index.languages, ...[...index.names, ...index.proposals].flatMap((name) => name.forms.flatMap((form) => (form.language ? [form.language] : [])))])], await getLocale());
  const base = `/collections/${collectionId}/names`;
  const hrefOf = (changes: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries({ q: query.data.q, kind: query.data.kind?.toLowerCase(), page: query.data.page, proposals: query.data.proposals, ...changes })) {
      if (value !== undefined && value !== '' && !(key !== 'q' && key !== 'kind' && value === 1)) search.set(key, String(value));
    }
    const text = search.toString();
    return text ? `${base}?${text}` : base;
  };
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <nav aria-label={t('common.breadcrumb')} className="text-sm text-muted">
        <Link href="/" className="hover:text-ink hover:underline">{t('common.library')}</Link> <span aria-hidden="true">/</span> {index.collection.title}
      </nav>
      <h1 className="mt-2 font-serif text-3xl font-semibold tracking-tight">{t('common.personsAndPlaces')}</h1>
      <p className="mt-2 text-muted">{t('index.intro', { collection: index.collection.title })}</p>

      <form method="get" action={base} role="search" aria-label={t('index.searchLabel')} className="mt-6 flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <label htmlFor="names-q" className="sr-only">{t('index.letters')}</label>
          <Input id="names-q" type="search" name="q" defaultValue={query.data.q ?? ''} maxLength={200} placeholder={t('index.placeholder')} />
        </div>
        <label htmlFor="names-kind" className="sr-only">{t('index.kind')}</label>
        <Select id="names-kind" name="kind" defaultValue={query.data.kind?.toLowerCase() ?? ''} className="w-40">
          <option value="">{t('common.personsAndPlaces')}</option>
          <option value="person">{t('index.persons')}</option>
          <option value="place">{t('index.places')}</option>
        </Select>
        <Button type="submit" size="md" variant="secondary">{t('index.find')}</Button>
      </form>

      {index.pendingScans > 0 && (
        <Alert tone="info" className="mt-6">
          {t('common.pendingScans', { count: index.pendingScans })}
        </Alert>
      )}

      <section aria-labelledby="names-heading" className="mt-8">
        <h2 id="names-heading" className="text-sm text-muted">
          {index.total === 0 ? (query.data.q || query.data.kind ? t('index.noneFound') : t('index.empty')) : t('index.count', { count: index.total })}
        </h2>
        {index.total === 0 && !(query.data.q || query.data.kind) && (
          <p className="mt-1 text-sm text-muted">{e(index.abilities.canManage ? 'namesManage' : index.abilities.canPropose ? 'namesPropose' : 'namesRead')}</p>
        )}
        <ul className="mt-3 divide-y divide-line border-y border-line">
          {index.names.map((name) => (
            <NameItem key={name.id} name={name} href={`${base}/${name.id}`} names={names} />
          ))}
        </ul>
        <Pager page={index.page} pageCount={index.pageCount} hrefOf={(page) => hrefOf({ page })} label={t('index.pagesOfNames')} />
      </section>

      {index.abilities.canManage && (
        <section aria-labelledby="proposals-heading" className="mt-12">
          <h2 id="proposals-heading" className="font-serif text-xl font-semibold">
            {t('index.proposals')} <span className="text-base font-normal text-muted">({index.proposalCount})</span>
          </h2>
          <p className="mt-1 text-sm text-muted">{t('index.proposalsIntro')}</p>
          <ul className="mt-3 divide-y divide-line border-y border-line">
            {index.proposals.map((name) => (
              <NameItem key={name.id} name={name} href={`${base}/${name.id}`} names={names}>
                <div className="flex gap-2">
                  <ActionForm action={decideNameAction} submitLabel={t('index.confirm')} variant="primary">
                    <input type="hidden" name="nameId" value={name.id} />
                    <input type="hidden" name="decision" value="CONFIRMED" />
                  </ActionForm>
                  <ActionForm action={decideNameAction} submitLabel={t('index.reject')} variant="ghost">
                    <input type="hidden" name="nameId" value={name.id} />
                    <input type="hidden" name="decision" value="REJECTED" />
                  </ActionForm>
                </div>
              </NameItem>
            ))}
          </ul>
          <Pager page={query.data.proposals} pageCount={Math.max(1, Math.ceil(index.proposalCount / NAME_INDEX_PAGE_SIZE))} hrefOf={(proposals) => hrefOf({ proposals })} label={t('index.pagesOfProposals')} />
          {index.works.length > 0 && (
            <div className="mt-8 rounded-lg border border-line bg-surface p-5 shadow-sm">
              <h3 className="font-serif text-lg font-semibold">{t('index.fromWorkHeading')}</h3>
              <p className="mt-1 mb-4 text-sm text-muted">{t('index.fromWorkText')}</p>
              <ProposeNamesForm action={proposeNamesAction} works={index.works} />
            </div>
          )}
        </section>
      )}

      {index.abilities.canPropose && (
        <section aria-labelledby="add-heading" className="mt-8 rounded-lg border border-dashed border-line-strong p-5">
          <h2 id="add-heading" className="font-serif text-lg font-semibold">{index.abilities.canManage ? t('index.addName') : t('index.proposeName')}</h2>
          <p className="mt-1 mb-4 text-sm text-muted">{index.abilities.canManage ? t('index.addHint') : t('index.proposeHint')}</p>
          <NameCreateForm action={createNameAction} collectionId={collectionId} languages={index.languages} names={names} isProposal={!index.abilities.canManage} />
        </section>
      )}
    </div>
  );
}

/** One name of the list: its label, kind, note, forms and mentions. */
function NameItem({ name, href, names, children }: { name: NameSummary; href: string; names: Record<string, string>; children?: ReactNode }) {
  const t = useTranslations('names');
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 py-4">
      <div className="min-w-0 flex-1 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <Link href={href} className="font-serif text-lg font-semibold text-ink hover:underline">{name.label}</Link>
          <Badge>{name.kind === 'PERSON' ? t('common.person') : t('common.place')}</Badge>
          {name.status === 'CONFIRMED' && <span className="text-sm text-muted">{name.mentionCount === 0 ? t('index.notMentioned') : t('index.mentions', { count: name.mentionCount })}</span>}
        </p>
        {name.note && <p className="text-sm text-ink-soft">{name.note}</p>}
        <NameFormsList forms={name.forms} names={names} />
      </div>
      {children}
    </li>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { orNotFound } from '@/app/_lib/or-not-found';
import { languageNames } from '@/components/format/language-name';
import { MarkedText } from '@/components/names/marked-text';
import { NameEditor } from '@/components/names/name-editor';
import { NameFormsList } from '@/components/names/name-forms-list';
import { Pager } from '@/components/names/pager';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { getActor } from '@/lib/auth/session';
import { getNamePage } from '@/lib/names/get-name-page';
import { namePageQuerySchema } from '@/lib/names/schemas';

import { readParams, type SearchParams } from '../../../../search/search-params';
import { addNameFormAction, decideNameAction, mergeNamesAction, removeNameFormAction, updateNameAction } from '../actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ collectionId: string; nameId: string }>; searchParams: SearchParams };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('names.namePage'))('metaTitle') };
}

const STATUS_KEYS = { PROPOSED: 'namePage.statusPROPOSED', CONFIRMED: 'namePage.statusCONFIRMED', REJECTED: 'namePage.statusREJECTED' } as const;

/** One person or place: its forms, and every passage that mentions it, marked, with a link to read it in context. */
export default async function NamePage({ params, searchParams }: Props) {
  const { collectionId, nameId } = await params;
  const query = namePageQuerySchema.safeParse({ ...(await readParams(searchParams)), collectionId, nameId });
  if (!query.success) notFound();
  const data = await orNotFound(getNamePage({ actor: await getActor(), query: query.data }));
  const { name } = data;
  const t = await getTranslations('names');
  const names = languageNames([...new Set([...data.languages, ...data.mentions.map((mention) => mention.language), ...name.forms.flatMap((form) => (form.language ? [form.language] : []))])], await getLocale());
  const base = `/collections/${collectionId}/names`;
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <nav aria-label={t('common.breadcrumb')} className="text-sm text-muted">
        <Link href="/" className="hover:text-ink hover:underline">{t('common.library')}</Link> <span aria-hidden="true">/</span> {data.collection.title} <span aria-hidden="true">/</span>{' '}
        <Link href={base} className="hover:text-ink hover:underline">{t('common.personsAndPlaces')}</Link>
      </nav>
      <h1 className="mt-2 flex flex-wrap items-center gap-3 font-serif text-3xl font-semibold tracking-tight">
        {name.label}
        <Badge>{name.kind === 'PERSON' ? t('common.person') : t('common.place')}</Badge>
        {name.status !== 'CONFIRMED' && <Badge tone="warning">{t(STATUS_KEYS[name.status])}</Badge>}
      </h1>
      {name.note && <p className="mt-2 text-lg text-ink-soft">{name.note}</p>}
      <section aria-labelledby="forms-heading" className="mt-6">
        <h2 id="forms-heading" className="sr-only">{t('namePage.spellings')}</h2>
        <NameFormsList forms={name.forms} names={names} />
      </section>

      {data.pendingScans > 0 && (
        <Alert tone="info" className="mt-6">
          {t('common.pendingScans', { count: data.pendingScans })}
        </Alert>
      )}

      <section aria-labelledby="mentions-heading" className="mt-10">
        <h2 id="mentions-heading" className="font-serif text-xl font-semibold">
          {t('namePage.mentions')} <span className="text-base font-normal text-muted">({name.mentionCount})</span>
        </h2>
        {data.mentions.length === 0 ? (
          <p className="mt-3 text-muted">{name.status === 'CONFIRMED' ? t('namePage.noMentions') : t('namePage.notConfirmed')}</p>
        ) : (
          <ol className="mt-3 divide-y divide-line border-y border-line">
            {data.mentions.map((mention) => (
              <li key={`${mention.segmentId}:${mention.language}`} className="py-4">
                <p className="mb-1 flex flex-wrap items-center gap-2 text-sm text-muted">
                  <Link href={`/works/${mention.workId}`} className="hover:text-ink hover:underline">{mention.workTitle}</Link>
                  <Badge tone="accent">{names[mention.language] ?? mention.language}</Badge>
                </p>
                <p lang={mention.language} className="font-serif leading-relaxed">
                  <MarkedText text={mention.text} marks={mention.marks} />
                </p>
                <Link href={`/s/${mention.segmentId}`} className="mt-1 inline-block text-sm font-medium text-accent-700 underline">
                  {t('namePage.readInContext')}
                </Link>
              </li>
            ))}
          </ol>
        )}
        <Pager page={data.page} pageCount={data.pageCount} hrefOf={(page) => (page === 1 ? `${base}/${nameId}` : `${base}/${nameId}?page=${page}`)} label={t('namePage.pagesOfMentions')} />
        {data.mentions.some((mention) => mention.marks.some((mark) => !mark.isPreferred)) && (
          <p className="mt-3 text-xs text-muted">{t('namePage.dotted')}</p>
        )}
      </section>

      {data.abilities.canManage && (
        <NameEditor
          name={name}
          names={names}
          languages={data.languages}
          actions={{ decide: decideNameAction, update: updateNameAction, addForm: addNameFormAction, removeForm: removeNameFormAction, merge: mergeNamesAction }}
        />
      )}
    </div>
  );
}

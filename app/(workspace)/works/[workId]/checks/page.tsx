import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { loadWorkOverview } from '@/app/_lib/load-work-overview';
import { orNotFound } from '@/app/_lib/or-not-found';
import { WorkFindingsList } from '@/components/checks/work-findings-list';
import { languageName, languageNames } from '@/components/format/language-name';
import { buttonClassName } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { LanguageTabs } from '@/components/work/language-tabs';
import { WorkBreadcrumb } from '@/components/work/work-breadcrumb';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { findWorkFindings } from '@/lib/checks/find-work-findings';
import { CHECK_IDS, isCheckId } from '@/lib/checks/types';

type Props = { params: Promise<{ workId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [t, work] = await Promise.all([getTranslations('checks.page'), loadWorkOverview((await params).workId)]);
  return { title: t('metaTitle', { title: work.title }) };
}

/**
 * What the quality checks find in a work's published translation (`?lang=ru`, the first
 * translation by default; `&check=numbers` for one check; `&from=50` for the next page), per
 * segment: for those who may translate it; editors dismiss and restore findings here.
 */
export default async function ChecksPage({ params, searchParams }: Props) {
  const [{ workId }, query, t, locale] = await Promise.all([params, searchParams, getTranslations('checks'), getLocale()]);
  const work = await loadWorkOverview(workId);
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/works/${work.id}/checks`)}`);
  if (!can(actor, 'segment.edit', { collectionId: work.collection.id })) redirect(`/works/${work.id}`);
  const translations = work.languages.filter((language) => !language.isSource).map((language) => language.language);
  const names = languageNames(translations, locale);
  const language = typeof query.lang === 'string' && translations.includes(query.lang) ? query.lang : translations[0];
  const check = typeof query.check === 'string' && isCheckId(query.check) ? query.check : undefined;
  const from = Math.max(0, Number.parseInt(typeof query.from === 'string' ? query.from : '0', 10) || 0);
  const hrefOf = (changes: { lang?: string; check?: string | null; from?: number }) => {
    const search = new URLSearchParams({ lang: changes.lang ?? language ?? '' });
    const chosen = changes.check === undefined ? check : changes.check;
    if (chosen) search.set('check', chosen);
    if (changes.from) search.set('from', String(changes.from));
    return `/works/${work.id}/checks?${search}`;
  };
  const header = (
    <>
      <WorkBreadcrumb work={{ id: work.id, title: work.title, collectionTitle: work.collection.title }} />
      <h1 className="mt-1 font-serif text-2xl font-semibold tracking-tight">{t('page.title')}</h1>
    </>
  );
  if (!language) {
    return (
      <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
        {header}
        <p className="mt-4 text-muted">{t('page.noTranslation')}</p>
      </div>
    );
  }
  const list = await orNotFound(findWorkFindings({ actor, workId: work.id, language, check, offset: from, limit: PAGE_SIZE }));
  const open = CHECK_IDS.reduce((sum, id) => sum + list.counts[id].open, 0);
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      {header}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
        {translations.length > 1 && <LanguageTabs label={t('page.translation')} current={language} tabs={translations.map((tag) => ({ language: tag, label: names[tag] ?? tag, href: hrefOf({ lang: tag, check: null }) }))} />}
        <div className="flex gap-2">
          <Link href={`/works/${work.id}/edit?lang=${encodeURIComponent(language)}`} className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
            {t('page.openEditor')}
          </Link>
          {can(actor, 'check.configure', { collectionId: work.collection.id }) && (
            <Link href="/admin/checks" className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
              {t('page.settings')}
            </Link>
          )}
        </div>
      </div>
      <p className="mt-3 text-muted">{t('page.intro', { language: languageName(language, locale) })}</p>
      <nav aria-label={t('page.filters')} className="mt-4 flex flex-wrap gap-1.5 text-sm">
        <Link href={hrefOf({ check: null })} aria-current={check ? undefined : 'page'} className={cn('rounded-full border px-3 py-1', check ? 'border-line text-muted hover:text-ink' : 'border-accent-500 bg-accent-50 font-medium')}>
          {t('page.all', { count: open })}
        </Link>
        {CHECK_IDS.filter((id) => list.settings[id].isEnabled).map((id) => (
          <Link key={id} href={hrefOf({ check: id })} data-check-filter={id} aria-current={check === id ? 'page' : undefined} className={cn('rounded-full border px-3 py-1', check === id ? 'border-accent-500 bg-accent-50 font-medium' : 'border-line text-muted hover:text-ink')}>
            {t('page.filter', { check: t(`names.${id}`), open: list.counts[id].open, dismissed: list.counts[id].dismissed })}
          </Link>
        ))}
      </nav>
      <p className="mt-4 text-sm text-muted">{check ? t('page.summaryOfCheck', { count: list.total, check: t(`names.${check}`) }) : t('page.summary', { count: list.total })}</p>
      <div className="mt-3">
        <WorkFindingsList workId={work.id} language={language} segments={list.segments} canDismiss={list.canDismiss} />
      </div>
      <nav className="mt-6 flex gap-2" aria-label={t('page.pages')}>
        {from > 0 && (
          <Link className={buttonClassName({ variant: 'secondary', size: 'sm' })} href={hrefOf({ from: Math.max(0, from - PAGE_SIZE) })}>
            {t('page.previous')}
          </Link>
        )}
        {from + PAGE_SIZE < list.total && (
          <Link className={buttonClassName({ variant: 'secondary', size: 'sm' })} href={hrefOf({ from: from + PAGE_SIZE })}>
            {t('page.next')}
          </Link>
        )}
      </nav>
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { AuditFilterForm, type AuditFilterValues } from '@/components/admin/audit-filter-form';
import { AuditLogTable } from '@/components/admin/audit-log-table';
import { Alert } from '@/components/ui/alert';
import { buttonClassName } from '@/components/ui/button';
import { findAuditEvents } from '@/lib/audit/find-audit-events';
import { getActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { localizedMessage } from '@/lib/errors/localize-error';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.audit');
  return { title: t('title') };
}

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const FILTER_KEYS = ['type', 'collectionId', 'actorEmail', 'actorId', 'from', 'to'] as const;

/** Role changes, approvals, reverts, imports, … newest first: every event for site admins, their collections' for collection admins. */
export default async function AuditPage({ searchParams }: Props) {
  const actor = await getActor();
  if (actor.kind === 'anonymous') redirect('/sign-in?callbackUrl=/admin/audit');
  const [query, t, locale] = await Promise.all([searchParams, getTranslations('admin'), getLocale()]);
  const values: AuditFilterValues = Object.fromEntries(FILTER_KEYS.flatMap((key) => (typeof query[key] === 'string' && query[key] ? [[key, query[key]]] : [])));
  const before = typeof query.before === 'string' ? query.before : undefined;
  const log = await findAuditEvents({ actor, filter: { ...values, before } }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === 'FORBIDDEN' || error.code === 'INVALID_INPUT')) return error;
    throw error;
  });
  const hrefWith = (extra: Record<string, string>) => `/admin/audit?${new URLSearchParams({ ...values, ...extra } as Record<string, string>).toString()}`;
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <Link href="/admin" className="text-sm text-muted hover:text-ink hover:underline">{t('backToMembers')}</Link>
      <h1 className="mt-2 font-serif text-3xl font-semibold tracking-tight">{t('audit.title')}</h1>
      <p className="mt-2 text-muted">{t('audit.intro')}</p>
      {log instanceof AppError ? (
        <>
          <Alert tone="error" className="mt-6">{log.code === 'FORBIDDEN' ? t('audit.onlyAdmins') : localizedMessage(log, locale)}</Alert>
          {log.code === 'INVALID_INPUT' && (
            <Link href="/admin/audit" className={buttonClassName({ variant: 'ghost', className: 'mt-4' })}>
              {t('audit.clearFilters')}
            </Link>
          )}
        </>
      ) : (
        <>
          <AuditFilterForm values={values} collections={log.collections} />
          <AuditLogTable items={log.items} actorHref={(actorId) => hrefWith({ actorId, actorEmail: '' })} />
          <div className="mt-4 flex gap-3">
            {log.next && (
              <Link href={hrefWith({ before: log.next })} className={buttonClassName({ variant: 'secondary' })}>
                {t('audit.older')}
              </Link>
            )}
            {(Object.keys(values).length > 0 || before) && (
              <Link href="/admin/audit" className={buttonClassName({ variant: 'ghost' })}>
                {t('audit.clearFilters')}
              </Link>
            )}
          </div>
        </>
      )}
    </div>
  );
}

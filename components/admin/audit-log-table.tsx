import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';

import { isAuditEventType } from '@/lib/audit/events';
import type { AuditLogItem } from '@/lib/audit/types';

import { describeAuditEvent } from './describe-audit-event';
import { Badge } from '../ui/badge';

/** Rows of the audit log: what happened, who did it, where, when (in UTC, whatever the server's time zone), and its data in a line. */
export function AuditLogTable({ items, actorHref }: { items: AuditLogItem[]; actorHref: (actorId: string) => string }) {
  const t = useTranslations('admin.audit');
  const tSummary = useTranslations('admin.audit.summary');
  const format = useFormatter();
  if (items.length === 0) return <p className="mt-8 text-muted">{t('table.none')}</p>;
  return (
    <div className="mt-6 overflow-x-auto rounded-lg border border-line bg-surface shadow-xs">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-line bg-stone-50 text-xs tracking-wide text-muted uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">{t('table.when')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('table.event')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('table.by')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('table.where')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('table.details')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((item) => (
            <tr key={item.id} data-audit-type={item.type} className="align-top">
              <td className="px-3 py-2 whitespace-nowrap text-muted tabular-nums">
                <time dateTime={item.createdAt}>{t('table.time', { time: new Date(item.createdAt) })}</time>
              </td>
              <td className="px-3 py-2">
                {isAuditEventType(item.type) && <span className="block">{t(`events.${item.type}`)}</span>}
                <code className="font-mono text-xs whitespace-nowrap text-muted">{item.type}</code>
                {item.isImplicit && <Badge className="ml-2">{t('table.implicit')}</Badge>}
              </td>
              <td className="px-3 py-2">
                {item.actor ? (
                  <Link href={actorHref(item.actor.id)} className="text-accent-700 hover:underline" title={t('table.onlyThisPerson')}>
                    {item.actor.name}
                  </Link>
                ) : (
                  <span className="text-muted">{t('table.commandLine')}</span>
                )}
              </td>
              <td className="px-3 py-2">
                {item.collection ? (item.collection.title ?? <span className="text-muted">{t('table.deletedCollection')}</span>) : <span className="text-muted">{t('table.site')}</span>}
                {item.work && (
                  <Link href={`/works/${item.work.id}`} className="block text-xs text-accent-700 hover:underline">
                    {item.work.title ?? t('table.deletedWork')}
                  </Link>
                )}
              </td>
              <td className="max-w-md px-3 py-2 break-words text-ink-soft">{describeAuditEvent({ event: item.event, names: item.names, t: tSummary, formatNumber: (value) => format.number(value) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

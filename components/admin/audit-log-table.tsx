import Link from 'next/link';

import type { AuditLogItem } from '@/lib/audit/types';

import { Badge } from '../ui/badge';

/** "2026-11-23 18:04 UTC": the same for every admin whatever the server's time zone. */
const formatTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** Rows of the audit log: what happened, who did it, where, when, and its data in a line. */
export function AuditLogTable({ items, actorHref }: { items: AuditLogItem[]; actorHref: (actorId: string) => string }) {
  if (items.length === 0) return <p className="mt-8 text-muted">No events match these filters.</p>;
  return (
    <div className="mt-6 overflow-x-auto rounded-lg border border-line bg-surface shadow-xs">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-line bg-stone-50 text-xs tracking-wide text-muted uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">When</th>
            <th scope="col" className="px-3 py-2 font-semibold">Event</th>
            <th scope="col" className="px-3 py-2 font-semibold">By</th>
            <th scope="col" className="px-3 py-2 font-semibold">Where</th>
            <th scope="col" className="px-3 py-2 font-semibold">Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((item) => (
            <tr key={item.id} data-audit-type={item.type} className="align-top">
              <td className="px-3 py-2 whitespace-nowrap text-muted tabular-nums">
                <time dateTime={item.createdAt}>{formatTime(item.createdAt)}</time>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <code className="font-mono text-xs">{item.type}</code>
                {item.isImplicit && <Badge className="ml-2">implicit</Badge>}
              </td>
              <td className="px-3 py-2">
                {item.actor ? (
                  <Link href={actorHref(item.actor.id)} className="text-accent-700 hover:underline" title="Only this person’s events">
                    {item.actor.name}
                  </Link>
                ) : (
                  <span className="text-muted">command line</span>
                )}
              </td>
              <td className="px-3 py-2">
                {item.collection?.title ?? <span className="text-muted">site</span>}
                {item.work && (
                  <Link href={`/works/${item.work.id}`} className="block text-xs text-accent-700 hover:underline">
                    {item.work.title}
                  </Link>
                )}
              </td>
              <td className="max-w-md px-3 py-2 break-words text-ink-soft">{item.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

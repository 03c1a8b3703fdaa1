import Link from 'next/link';

import type { OwnSuggestion } from '@/lib/review/own-suggestions';

import { REJECT_REASON_LABELS } from './reject-reasons';
import { DiffText } from '../diff/diff-text';
import { Badge, type BadgeTone } from '../ui/badge';

const OUTCOMES: Record<OwnSuggestion['status'], { label: string; tone: BadgeTone }> = {
  PENDING: { label: 'Waiting for review', tone: 'neutral' },
  APPROVED: { label: 'Approved once, waiting for validation', tone: 'accent' },
  PUBLISHED: { label: 'Published', tone: 'success' },
  REJECTED: { label: 'Rejected', tone: 'warning' },
  WITHDRAWN: { label: 'Withdrawn or replaced', tone: 'neutral' },
};

const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** An author's suggestions with what became of each and why: the author's own page. */
export function OwnSuggestionList({ items, languageNames }: { items: readonly OwnSuggestion[]; languageNames: Record<string, string> }) {
  return (
    <ol className="space-y-4">
      {items.map((item) => {
        const outcome = OUTCOMES[item.status];
        return (
          <li key={item.suggestionId} data-own-suggestion={item.suggestionId} data-status={item.status} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <Link href={`/works/${item.work.id}/edit?lang=${item.language}`} className="font-medium text-accent-800 hover:underline">
                {item.work.title}
              </Link>
              <Badge>{languageNames[item.language] ?? item.language}</Badge>
              {item.kind === 'STRUCTURE' && <Badge tone="accent">Structure</Badge>}
              <Badge tone={outcome.tone}>{item.kind === 'STRUCTURE' && item.status === 'PUBLISHED' ? 'Applied' : outcome.label}</Badge>
              <span className="text-muted">{DATE.format(new Date(item.createdAt))} UTC</span>
              <Link href={`/s/${item.segmentId}/discussion`} className="ml-auto text-xs text-muted hover:text-ink hover:underline">
                Discussion
              </Link>
            </div>
            {item.summary !== null ? (
              <p className="mt-3 font-medium" data-structure-summary="">
                {item.summary}
              </p>
            ) : (
              <p className="mt-3 font-serif text-[1.0625rem] leading-relaxed">
                <DiffText ops={item.diff} />
              </p>
            )}
            {item.reviewer && item.decidedAt && (
              <p className="mt-2 text-sm text-muted">
                {item.status === 'REJECTED' ? 'Rejected' : item.kind === 'STRUCTURE' ? 'Applied' : 'Published'} by {item.reviewer} on {DATE.format(new Date(item.decidedAt))} UTC.
              </p>
            )}
            {item.status === 'REJECTED' && item.rejectReason && (
              <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
                <span className="font-medium">{REJECT_REASON_LABELS[item.rejectReason]}.</span> {item.rejectNote}
              </p>
            )}
            {item.publishedText !== null && (
              <p className="mt-2 text-sm">
                <span className="font-medium">Published as:</span> <span className="font-serif">{item.publishedText}</span>
              </p>
            )}
            {item.hunkRejections.length > 0 && (
              <ul aria-label="Changes turned down" className="mt-2 space-y-1 text-sm">
                {item.hunkRejections.map((rejection, index) => (
                  <li key={index} className="rounded-md bg-stone-50 px-3 py-1.5">
                    <span className="font-serif">{rejection.excerpt}</span> — {REJECT_REASON_LABELS[rejection.reason] ?? rejection.reason}
                    {rejection.note ? `: ${rejection.note}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

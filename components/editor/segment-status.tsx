import { useTranslations } from 'next-intl';

import type { TextStatusName } from '@/lib/reader/types';

import { Badge, type BadgeTone } from '../ui/badge';

/** Each status's badge: its tone and the keys of its label and title in `editor.segmentStatus`. */
const STATUS = {
  EMPTY: { label: 'empty', tone: 'neutral', title: 'emptyTitle' },
  APPROVED: { label: 'approved', tone: 'success', title: 'approvedTitle' },
} as const satisfies Record<TextStatusName, { label: string; tone: BadgeTone; title: string }>;

export interface SegmentStatusProps {
  /** Whether a text is published in this language (from the database). */
  status: TextStatusName;
  /** Suggestions for the text awaiting review. */
  openSuggestions: number;
  isDone: boolean;
  isEdited: boolean;
  /** The draft is a suggestion awaiting review (shown beside as such): not "edited" nor "done" any more, and not one more proposal. */
  isWaiting: boolean;
}

/** The text's published status and the suggestions awaiting review, plus the draft's own marks. */
export function SegmentStatus({ status, openSuggestions, isDone, isEdited, isWaiting }: SegmentStatusProps) {
  const t = useTranslations('editor.segmentStatus');
  const entry = STATUS[status];
  // The draft's own suggestion is shown as "waiting for review"; "Proposed" counts the others.
  const others = isWaiting ? openSuggestions - 1 : openSuggestions;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={entry.tone} title={t(entry.title)} data-status={status}>
        {t(entry.label)}
      </Badge>
      {others > 0 && (
        <Badge tone="accent" title={t(isWaiting ? 'proposedTitleOthers' : 'proposedTitle', { count: others })} data-proposed={others}>
          {t('proposed', { count: others })}
        </Badge>
      )}
      {isEdited && !isWaiting && (
        <Badge tone="warning" title={t('editedTitle')} data-edited="">
          {t('edited')}
        </Badge>
      )}
      {isDone && !isWaiting && (
        <Badge tone="success" title={t('doneTitle')} data-done="">
          {t('done')}
        </Badge>
      )}
    </span>
  );
}

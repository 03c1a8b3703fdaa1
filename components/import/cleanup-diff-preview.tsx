'use client';

import { useTranslations } from 'next-intl';

import type { StructureChange } from '@/lib/cleanup/structure-changes';

import type { CleanupPreview } from './cleanup-preview-session';
import type { ImportTranslator } from './cleanup-rule-text';
import { DiffText } from '../diff/diff-text';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';

export interface CleanupDiffPreviewProps {
  preview: CleanupPreview | null;
  isPreviewing: boolean;
  error: string | null;
  onPageChange: (page: number) => void;
}

/** What a structure rule made of a paragraph: "Speaker turn: Wells", "List item 3. (level 2)", "Quotation". */
function structureLabel(change: StructureChange, t: ImportTranslator): string {
  if (change.style === 'SPEAKER_TURN') return t('diff.speakerTurn', { speaker: change.speaker ?? '' });
  if (change.style === 'LIST_ITEM') return t('diff.listItem', { marker: change.marker || 'none', level: change.depth ? change.depth + 1 : 0 });
  return t('diff.quotation');
}

/**
 * The original and the cleaned text of one excerpt as a word diff, with paging through the text,
 * and the paragraphs the structure rules laid out there (speaker turns, list items, quotations),
 * which edit no character but are changes to review all the same.
 */
export function CleanupDiffPreview({ preview, isPreviewing, error, onPageChange }: CleanupDiffPreviewProps) {
  const t = useTranslations('import');
  const edits = preview?.ops.filter((op) => op.kind !== 'equal').length ?? 0;
  const structure = preview?.structure ?? [];
  return (
    <section aria-labelledby="cleanup-diff-heading" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="cleanup-diff-heading" className="font-medium text-ink">
          {t('diff.heading')}
        </h2>
        <p className="text-xs text-muted">
          {t.rich('diff.legend', {
            del: (chunks) => <del className="bg-red-50 text-red-800">{chunks}</del>,
            ins: (chunks) => <ins className="bg-emerald-50 text-emerald-900">{chunks}</ins>,
          })}
        </p>
      </div>
      <p role="status" className="min-h-5 text-sm text-muted">
        {error
          ? error
          : isPreviewing
            ? t('diff.preparing')
            : preview
              ? `${t('diff.range', { start: preview.start + 1, end: preview.end, total: preview.characters })} · ${t('diff.changesHere', { edits, laidOut: structure.length })}`
              : null}
      </p>
      {preview && (
        <div
          data-cleanup-diff
          aria-busy={isPreviewing}
          tabIndex={0}
          aria-label={t('diff.label')}
          className={cn(
            'max-h-[28rem] overflow-y-auto rounded-lg border border-line bg-paper px-4 py-3 font-serif text-[0.95rem] leading-relaxed text-ink transition-opacity',
            isPreviewing && 'opacity-60',
          )}
        >
          <DiffText ops={preview.ops} />
        </div>
      )}
      {structure.length > 0 && (
        <div className="space-y-1">
          <h3 className="text-sm font-medium text-ink">{t('diff.structureHeading')}</h3>
          <ul data-cleanup-structure aria-label={t('diff.structureLabel')} className="max-h-48 space-y-1 overflow-y-auto text-sm">
            {structure.map((change) => (
              <li key={change.offset} className="rounded bg-stone-50 px-2 py-1 ring-1 ring-line">
                <span className="font-medium text-ink">{structureLabel(change, t)}</span>
                {change.excerpt && <span className="text-ink-soft"> — {change.excerpt}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview && preview.pageCount > 1 && (
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" size="sm" disabled={preview.page === 0} onClick={() => onPageChange(preview.page - 1)}>
            {t('diff.previous')}
          </Button>
          <Button variant="secondary" size="sm" disabled={preview.page + 1 >= preview.pageCount} onClick={() => onPageChange(preview.page + 1)}>
            {t('diff.more')}
          </Button>
          <span className="text-xs text-muted tabular-nums">
            {t('diff.part', { page: preview.page + 1, count: preview.pageCount })}
          </span>
        </div>
      )}
    </section>
  );
}

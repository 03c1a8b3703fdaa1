'use client';

import type { CleanupPreview } from './cleanup-preview-session';
import { DiffText } from '../diff/diff-text';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';

export interface CleanupDiffPreviewProps {
  preview: CleanupPreview | null;
  isPreviewing: boolean;
  error: string | null;
  onPageChange: (page: number) => void;
}

/** "12 changes", "3 paragraphs laid out", or both. */
function describeChanges(edits: number, laidOut: number): string {
  const parts = [];
  if (edits > 0) parts.push(`${edits.toLocaleString('en')} ${edits === 1 ? 'change' : 'changes'}`);
  if (laidOut > 0) parts.push(`${laidOut.toLocaleString('en')} ${laidOut === 1 ? 'paragraph' : 'paragraphs'} laid out`);
  return parts.join(', ');
}

/**
 * The original and the cleaned text of one excerpt as a word diff, with paging through the text,
 * and the paragraphs the structure rules laid out there (speaker turns, list items, quotations),
 * which edit no character but are changes to review all the same.
 */
export function CleanupDiffPreview({ preview, isPreviewing, error, onPageChange }: CleanupDiffPreviewProps) {
  const edits = preview?.ops.filter((op) => op.kind !== 'equal').length ?? 0;
  const structure = preview?.structure ?? [];
  const changes = edits + structure.length;
  return (
    <section aria-labelledby="cleanup-diff-heading" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="cleanup-diff-heading" className="font-medium text-ink">
          Preview of the result
        </h2>
        <p className="text-xs text-muted">
          <del className="bg-red-50 text-red-800">struck through</del> is removed, <ins className="bg-emerald-50 text-emerald-900">underlined</ins> is added, ↵ is a line break
        </p>
      </div>
      <p role="status" className="min-h-5 text-sm text-muted">
        {error
          ? error
          : isPreviewing
            ? 'Preparing preview…'
            : preview
              ? `Characters ${(preview.start + 1).toLocaleString('en')}–${preview.end.toLocaleString('en')} of ${preview.characters.toLocaleString('en')} · ${changes === 0 ? 'no changes here' : `${describeChanges(edits, structure.length)} here`}`
              : null}
      </p>
      {preview && (
        <div
          data-cleanup-diff
          aria-busy={isPreviewing}
          tabIndex={0}
          aria-label="Diff of the excerpt"
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
          <h3 className="text-sm font-medium text-ink">Structure found here (the text is not changed)</h3>
          <ul data-cleanup-structure aria-label="Structure found in the excerpt" className="max-h-48 space-y-1 overflow-y-auto text-sm">
            {structure.map((change) => (
              <li key={change.offset} className="rounded bg-stone-50 px-2 py-1 ring-1 ring-line">
                <span className="font-medium text-ink">{change.label}</span>
                {change.excerpt && <span className="text-ink-soft"> — {change.excerpt}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview && preview.pageCount > 1 && (
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" size="sm" disabled={preview.page === 0} onClick={() => onPageChange(preview.page - 1)}>
            Previous part
          </Button>
          <Button variant="secondary" size="sm" disabled={preview.page + 1 >= preview.pageCount} onClick={() => onPageChange(preview.page + 1)}>
            Show more
          </Button>
          <span className="text-xs text-muted tabular-nums">
            Part {(preview.page + 1).toLocaleString('en')} of {preview.pageCount.toLocaleString('en')}
          </span>
        </div>
      )}
    </section>
  );
}

import { CiteButton } from './cite-button';
import { ReportErrorButton } from './report-error-button';
import { SegmentPermalink } from './segment-permalink';
import { cn } from '../ui/cn';

export interface SegmentActionsProps {
  segmentId: string;
  noun: string;
  /** Languages whose text can be reported here, the default first (none: no report action). */
  reportLanguages: readonly string[];
  className?: string;
}

/**
 * The actions beside a segment, side by side in its margin: copy its permalink, cite it, report an
 * error (in the languages shown).
 * Side by side, not stacked: a stacked second row would lie under the next segment's actions
 * whenever that one ends on the following line.
 */
export function SegmentActions({ segmentId, noun, reportLanguages, className }: SegmentActionsProps) {
  return (
    <span className={cn('inline-flex items-center', className)}>
      <SegmentPermalink segmentId={segmentId} noun={noun} />
      <CiteButton segmentId={segmentId} languages={reportLanguages} noun={noun} />
      <ReportErrorButton segmentId={segmentId} languages={reportLanguages} noun={noun} />
    </span>
  );
}

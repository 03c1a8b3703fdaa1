import type { AlignmentOperation } from '@/lib/align/plan-alignment-edit';

/** What each small toolbar button shows; the buttons carry their names as aria-labels. */
export type AlignmentIconName = AlignmentOperation | 'realignFrom' | 'realignTo' | 'context';

const PATHS: Record<AlignmentIconName, string> = {
  // An arrow rising into a bar: this row's translation joins the one above.
  merge: 'M3 2.5h10M8 13.5V6M5 9l3-3 3 3',
  // Scissors.
  split: 'M5.6 10.4 12.5 2.5M10.4 10.4 3.5 2.5M6 12a2 2 0 1 1-4 0 2 2 0 0 1 4 0ZM14 12a2 2 0 1 1-4 0 2 2 0 0 1 4 0Z',
  // A cut between two lines of text.
  splitAt: 'M2.5 5h4M2.5 11h4M9.5 5h4M9.5 11h4M8 2v12',
  shiftUp: 'M8 13.5v-11M4 6.5l4-4 4 4',
  shiftDown: 'M8 2.5v11M4 9.5l4 4 4-4',
  // A broken link.
  unlink: 'M6.5 4.5 8 3a2.8 2.8 0 0 1 4 4l-1.5 1.5M9.5 11.5 8 13a2.8 2.8 0 0 1-4-4l1.5-1.5M2.5 2.5l11 11',
  realignFrom: 'M3.5 2.5v11M6.5 8h7M10.5 5l3 3-3 3',
  realignTo: 'M12.5 2.5v11M2.5 8h7M6.5 5l3 3-3 3',
  context: 'M2.5 4h11M2.5 8h11M2.5 12h6',
};

/** A 16-pixel line icon in the current text colour. */
export function AlignmentIcon({ name }: { name: AlignmentIconName }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-[1.125rem]" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}

import type { BilingualLayout, ExportPlan, PlanWork } from './types';

/**
 * A stretch of a work written in one go: in the main pass (every language the layout shows, the
 * notes and pages), or in the second pass that repeats a chapter in its second language (the
 * original after each chapter).
 */
export interface DocumentPart {
  /** From 0, in writing order: an EPUB's file `part-0001.xhtml` is part 0. */
  index: number;
  work: PlanWork;
  /** Order keys: from (inclusive; the work's start when undefined) to (exclusive; its end when undefined). */
  from: string | undefined;
  to: string | undefined;
  pass: 'main' | 'second';
  /** The first part of its work (a volume's work begins here). */
  isWorkStart: boolean;
  /** The first part of a chapter's second pass (where "the original" is announced). */
  isSecondPassStart: boolean;
}

/**
 * The parts a download is written in, in order. A work is one part, unless the layout repeats
 * each chapter in its second language (then each chapter's main part is followed by its second
 * part) or the parts are files of an EPUB (then every chapter begins a file, and so does every
 * file break of a long chapter). Pure.
 */
export function planParts(plan: Pick<ExportPlan, 'works' | 'languages'>, { layout, isSplitIntoFiles }: { layout: BilingualLayout; isSplitIntoFiles: boolean }): DocumentPart[] {
  const parts: DocumentPart[] = [];
  const isRepeated = layout === 'original-after-chapter' && plan.languages.length > 1;
  for (const work of plan.works) {
    const chapterCuts = isRepeated || isSplitIntoFiles ? work.chapterStarts : [];
    const fileCuts = isSplitIntoFiles ? work.fileBreaks : [];
    const chapters = ranges(chapterCuts);
    let isWorkStart = true;
    for (const chapter of chapters) {
      const pieces = ranges(fileCuts.filter((key) => (chapter.from === undefined || key > chapter.from) && (chapter.to === undefined || key < chapter.to)), chapter);
      const passes: DocumentPart['pass'][] = isRepeated ? ['main', 'second'] : ['main'];
      for (const pass of passes) {
        pieces.forEach((piece, pieceIndex) => {
          parts.push({ index: parts.length, work, from: piece.from, to: piece.to, pass, isWorkStart, isSecondPassStart: pass === 'second' && pieceIndex === 0 });
          isWorkStart = false;
        });
      }
    }
  }
  return parts;
}

/** Consecutive ranges cut at `cuts` (sorted) inside `within`. */
function ranges(cuts: readonly string[], within: { from: string | undefined; to: string | undefined } = { from: undefined, to: undefined }): { from: string | undefined; to: string | undefined }[] {
  const keys = [...cuts].sort();
  const bounds = [within.from, ...keys, within.to];
  const out: { from: string | undefined; to: string | undefined }[] = [];
  for (let index = 0; index + 1 < bounds.length; index += 1) out.push({ from: bounds[index], to: bounds[index + 1] });
  return out;
}

/** The main part of `workId` that holds the segment at `orderKey`, or undefined. Pure. */
export function partHolding(parts: readonly DocumentPart[], workId: string, orderKey: string): DocumentPart | undefined {
  return parts.find((part) => part.pass === 'main' && part.work.id === workId && (part.from === undefined || orderKey >= part.from) && (part.to === undefined || orderKey < part.to));
}

/** How a part is read and shown: the languages read, those shown (in order) and how, and whether it carries ids, pages and notes. */
export interface PartReading {
  languages: string[];
  shown: string[];
  arrangement: 'side-by-side' | 'alternating';
  hasIds: boolean;
  hasPages: boolean;
  hasNotes: boolean;
}

/**
 * The main pass reads every language (notes show them all) and shows both side by side or
 * alternating, or the first alone when each chapter is followed by its original; the second
 * pass reads and shows the second language alone, with no ids, pages or notes of its own (its
 * markers link to the notes of the main pass). Pure.
 */
export function readingOf(plan: Pick<ExportPlan, 'languages'>, layout: BilingualLayout, part: Pick<DocumentPart, 'pass'>): PartReading {
  const arrangement = layout === 'side-by-side' ? 'side-by-side' : 'alternating';
  if (part.pass === 'second') {
    const second = plan.languages.slice(1, 2);
    return { languages: second, shown: second, arrangement, hasIds: false, hasPages: false, hasNotes: false };
  }
  const isAlone = plan.languages.length === 1 || layout === 'original-after-chapter';
  return { languages: [...plan.languages], shown: isAlone ? plan.languages.slice(0, 1) : [...plan.languages], arrangement, hasIds: true, hasPages: true, hasNotes: true };
}

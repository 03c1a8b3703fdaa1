/** Progress figures of a work, shared by server code and components. */

/** The figures counted per language, each a number of text-bearing segments. */
export const PROGRESS_FIGURES = ['translated', 'proposed', 'approved', 'validated', 'stale'] as const;
export type ProgressFigure = (typeof PROGRESS_FIGURES)[number];

/** How far one language of a work has come (see docs/review.md, "Progress"). */
export interface LanguageFigures {
  language: string;
  isSource: boolean;
  /** Text-bearing segments of the work (headings, sentences, footnotes). */
  total: number;
  /** Segments with a published text in this language (or covered by the previous one's). */
  translated: number;
  /** Segments with a suggestion waiting for a reviewer. */
  proposed: number;
  /** Segments with a suggestion approved once and waiting for a second reviewer's validation. */
  approved: number;
  /** Segments whose published text came through review (an approved or validated suggestion). */
  validated: number;
  /** Translations whose source was corrected since they were made or confirmed (0 for the original). */
  stale: number;
  /** Each figure over `total`, 0–1 (0 for a work without segments). */
  shares: Record<ProgressFigure, number>;
}

/** What one person did on a work. */
export interface ContributorFigures {
  userId: string;
  name: string;
  /** Suggestions made and not taken back (pending, published or rejected). */
  suggested: number;
  /** Of those, waiting for review or validation. */
  pending: number;
  /** Of those, published (including an editor's texts published directly). */
  published: number;
  /** Of those, rejected. */
  rejected: number;
  /** Decisions taken on others' suggestions: approvals, validations and rejections. */
  reviews: number;
  /** Comments written in the work's discussions (deleted ones not counted). */
  comments: number;
}

export interface WorkProgress {
  workId: string;
  sourceLanguage: string;
  /** Text-bearing segments of the work. */
  total: number;
  /** The work's languages, the original first. */
  languages: LanguageFigures[];
  /** The most active contributors, most published first. */
  contributors: ContributorFigures[];
}

/** What an XLIFF import reports (lib/xliff/import-xliff.ts). Pure types, shared with the page's form. */

/** Skipped units listed in the report at most (all are counted). */
export const MAX_LISTED_SKIPS = 100;

/** Why a unit of the file made no suggestion although its target differs, or could not be read. */
export type XliffSkipReason = 'not-a-segment' | 'other-work' | 'retired' | 'no-revision' | 'wrong-revision' | 'grouped' | 'too-long' | 'duplicate' | 'limit' | 'refused';

export interface XliffImportReport {
  version: '2.0' | '1.2';
  /** The translation the file holds. */
  language: string;
  /** Units in the file. */
  units: number;
  /** Units whose edited target became a suggestion by the importer. */
  suggested: number;
  /** Units whose target is the one exported (white space aside), or the text published now. */
  unchanged: number;
  /** Units whose target is already waiting for review as it is, on the same base (an earlier import of the same file). */
  alreadySuggested: number;
  /** Units left out, counted; the first {@link MAX_LISTED_SKIPS} listed with their reason. */
  skippedCount: number;
  skipped: { unitId: string; reason: XliffSkipReason; message: string }[];
}

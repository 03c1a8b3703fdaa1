/** What an import reports: the new work and what it was made of. */
export interface ImportSummary {
  workId: string;
  collectionId: string;
  slug: string;
  title: string;
  language: string;
  counts: { heading: number; paragraph: number; sentence: number; footnote: number };
  pageAnchors: { label: string; segmentId: string }[];
  uploadId: string;
  /** The character encoding the file was read in. */
  encoding: string;
  /** What each cleanup rule did ("212 running headers removed"); empty when cleanup did not run. */
  cleanup: { ruleId: string; count: number; summary: string }[];
}

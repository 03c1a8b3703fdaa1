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
}

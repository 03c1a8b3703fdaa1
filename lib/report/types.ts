/** Read models of readers' error reports, shared by server code and components. */

/** An open report as editors see it in the review queue. */
export interface ReportQueueItem {
  reportId: string;
  segmentId: string;
  language: string;
  work: { id: string; title: string; sourceLanguage: string };
  collection: { id: string; title: string };
  message: string;
  /** The text the reader saw when reporting. */
  quotedText: string;
  /** The text published now in the report's language ('' when there is none). */
  currentText: string;
  /** The original beside a report on a translation; null for a report on the original. */
  sourceText: string | null;
  /** Name of a signed-in reporter; null for an anonymous reader. */
  reporterName: string | null;
  /** How many different readers (accounts or addresses) reported this text: 1 unless later reports were merged into this one. */
  reporterCount: number;
  /** Messages of the reports merged into this one that say something else than `message`, oldest first. */
  moreMessages: string[];
  /** ISO time of the report. */
  createdAt: string;
}

export interface ReportQueuePage {
  items: ReportQueueItem[];
  /** Cursor of the next page (`after`), or null on the last one. */
  next: string | null;
}

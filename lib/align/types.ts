/** What adding an aligned translation reports. */
export interface AlignedTranslationSummary {
  workId: string;
  language: string;
  /** Sentences of the translation, all of which were placed. */
  targetSentences: number;
  /** Bead shapes ("1-1", "2-1", …) and how often each occurred. */
  beadTypes: Record<string, number>;
  /** Beads whose confidence is below 0.5, for a person to check first. */
  lowConfidence: number;
  meanScore: number;
}

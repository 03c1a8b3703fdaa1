/** A suspect word of one segment, as the segment editor marks it (shared by the server and the editor). */
export interface SuspectMark {
  word: string;
  correction: string | null;
}

/** Why a word is suspect, as the lists say it to volunteers. */
export const SUSPECT_REASON_LABELS = {
  MIXED_CASE: 'capitals inside the word',
  LETTERS_AND_DIGITS: 'letters mixed with digits',
  MIXED_SCRIPT: 'Latin and Cyrillic letters mixed',
  UNKNOWN: 'not in the dictionary or elsewhere in the text',
} as const;

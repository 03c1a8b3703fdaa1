/** A suspect word of one segment, as the segment editor marks it (shared by the server and the editor). */
export interface SuspectMark {
  word: string;
  correction: string | null;
}

/**
 * Why a segment got no suggested correction, when the reason is the proofreader's own (the
 * interface says it as `proofread.skipped.<code>`); a refusal of the suggestion itself has no
 * code, only its (English) message.
 */
export type SkipCode = 'NO_PUBLISHED_TEXT' | 'ALREADY_CORRECTED';

// Why a word is suspect, as the lists say it to volunteers: `proofread.reasons.<reason>` in the
// interface's catalogues (lib/i18n/messages).

import type { RejectReasonCode } from '@/lib/review/schemas';

/** The reasons a reviewer picks from, as they are shown to reviewers and authors. */
export const REJECT_REASON_LABELS: Record<RejectReasonCode, string> = {
  NOT_IN_ORIGINAL: 'Not in the original',
  TERMINOLOGY: 'Terminology',
  MEANING: 'Changes the meaning',
  STYLE: 'Style',
  OTHER: 'Other',
};

export const REJECT_REASON_CODES = Object.keys(REJECT_REASON_LABELS) as RejectReasonCode[];

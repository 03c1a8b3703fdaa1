/**
 * "Submit for review" until the review workflow is wired in: the editor announces the request as
 * a DOM event on `window`, which the review feature (or a test) listens for.
 */
export const SUBMIT_SEGMENT_EVENT = 'interlinear:submit-segment';

export interface SubmitSegmentDetail {
  workId: string;
  language: string;
  segmentId: string;
}

export function dispatchSubmitSegment(detail: SubmitSegmentDetail): void {
  window.dispatchEvent(new CustomEvent<SubmitSegmentDetail>(SUBMIT_SEGMENT_EVENT, { detail }));
}

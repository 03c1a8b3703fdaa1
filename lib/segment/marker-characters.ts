import { removeEmphasisMarkers } from './emphasis';
import { removeLayoutMarkerChars } from './segmenter/block-layout';

/**
 * The text without any character the import writes as an inline marker — paragraph layouts
 * (U+FDD1–U+FDD3) and emphasis (U+FDD4–U+FDD5); the segmenter drops page marks (U+FDD0) itself —
 * so nothing in an upload can pose as one. Every way text enters the import goes through here.
 */
export function removeMarkerCharacters(text: string): string {
  return removeLayoutMarkerChars(removeEmphasisMarkers(text));
}

import type { AlignmentRefusal } from './alignment-refusal';
import en from '../i18n/messages/en.json';

/** The English wording of a refusal, from the catalogue (the server's error message). */
export function alignmentRefusalText(refusal: AlignmentRefusal): string {
  return en.align.refusals[refusal.refused];
}

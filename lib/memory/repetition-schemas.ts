import { z } from 'zod';

import { MAX_REPETITIONS_PER_FILL, MAX_SEGMENT_CHARS } from '../config/limits';
import { fieldMessage } from '../errors/error-text';
import { languageTagSchema } from '../library/language-tag';

// Repetitions of a source sentence (docs/memory.md, "Repetitions"): the requests and answers of
// `/api/works/[workId]/repetitions`, shared by the server and the editor (no server code here).

/** `GET /api/works/[workId]/repetitions`: the segment just translated, the language it is translated into. */
export const repetitionsQuerySchema = z.object({
  workId: z.uuid(),
  segment: z.uuid(),
  lang: languageTagSchema,
});
export type RepetitionsQuery = z.infer<typeof repetitionsQuerySchema>;

/** `POST /api/works/[workId]/repetitions`: the translation of `segment`, to suggest for the chosen occurrences of its source. */
export const fillRepetitionsSchema = z.object({
  workId: z.uuid(),
  segment: z.uuid(),
  lang: languageTagSchema,
  text: z
    .string()
    .max(MAX_SEGMENT_CHARS, fieldMessage('form.segmentTooLong', { max: MAX_SEGMENT_CHARS }))
    .refine((text) => text.trim() !== '', fieldMessage('form.memory.emptyTranslation')),
  segmentIds: z
    .array(z.uuid())
    .min(1, fieldMessage('form.memory.noOccurrence'))
    .max(MAX_REPETITIONS_PER_FILL, fieldMessage('form.memory.tooManyOccurrences', { max: MAX_REPETITIONS_PER_FILL }))
    .refine((ids) => new Set(ids).size === ids.length, fieldMessage('form.memory.occurrenceTwice')),
});
export type FillRepetitionsInput = z.input<typeof fillRepetitionsSchema>;

/** One other occurrence of the sentence, not yet translated nor suggested in the language. */
export interface RepetitionOccurrence {
  segmentId: string;
  workId: string;
  /** Its published source: the sentence, as written there (its case and spacing may differ). */
  text: string;
  /** Where the editor shows it: its collaboration chunk and its place among the chunk's rows (from 0). */
  chunk: number;
  position: number;
  /** The published source sentences before and after it in its work (null at either end): its context. */
  previousText: string | null;
  nextText: string | null;
}

/** The other occurrences of a segment's source sentence that a translation of it could fill. */
export interface Repetitions {
  /** The segment's published source (null: none, so no repetitions). */
  sourceText: string | null;
  /** The work belongs to a volume: its other works were searched too. */
  isInVolume: boolean;
  /** Every occurrence that could be filled: in this work, and in the volume's other works. */
  counts: { work: number; otherWorks: number };
  /**
   * The first {@link MAX_REPETITIONS_PER_FILL}: this work's in reading order, then the other
   * works' in printed order.
   */
  occurrences: RepetitionOccurrence[];
  /** The works of the occurrences listed from other works, in printed order. */
  otherWorks: { id: string; title: string }[];
}

/** What filling did (`POST /api/works/[workId]/repetitions`). */
export interface FilledRepetitions {
  /** Suggestions created, waiting for review. */
  filled: number;
  /** The works they were created in. */
  works: number;
  /** Occurrences that got a published translation or a suggestion since they were listed. */
  taken: number;
  /** Occurrences where a reviewer already turned this very text down. */
  declined: number;
  /** Occurrences where the text has findings of a check the collection made blocking (a footnote marker of that occurrence missing, say). */
  blocked: number;
  /** Occurrences no longer a repetition of the sentence or no longer open to a suggestion here (retired, regrouped, out of reach). */
  unavailable: number;
}

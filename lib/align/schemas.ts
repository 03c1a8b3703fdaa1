import { z } from 'zod';

import { MAX_SEGMENT_CHARS, MAX_TITLE_CHARS } from '../config/limits';
import { fieldMessage } from '../errors/error-text';
import { languageTagSchema } from '../library/language-tag';

/** Where an existing translation comes from: shown by the reader next to the text. */
export const translationProvenanceSchema = z.object({
  /** Language of the translation. */
  language: languageTagSchema,
  /** Translator(s) as credited; empty when unknown. */
  translator: z.string().trim().max(MAX_TITLE_CHARS).optional().default(''),
  /** The edition: publisher, place, volume. */
  edition: z.string().trim().max(1000).optional().default(''),
  /** Year of publication of the translation. */
  publishedYear: z.coerce.number().int().min(1000).max(2200).optional(),
  /** Language the translator worked from: the original's, or a pivot language. Defaults to the original's. */
  translatedFrom: languageTagSchema.optional(),
});
export type TranslationProvenance = z.infer<typeof translationProvenanceSchema>;

/** The add-a-translation form as the HTTP route receives it (multipart): a file or pasted text, and the provenance. */
export const translationFormSchema = z
  .object({
    workId: z.string().min(1),
    /** The translation as a .txt/.md file; an empty file input counts as none. */
    file: z
      .instanceof(File)
      .optional()
      .transform((file) => (file && file.name === '' && file.size === 0 ? undefined : file)),
    /** The translation pasted instead of a file. */
    text: z.string().optional(),
    language: z.string(),
    translator: z.string().optional(),
    edition: z.string().optional(),
    publishedYear: z.string().optional().transform((year) => (year?.trim() ? year.trim() : undefined)),
    translatedFrom: z.string().optional().transform((language) => (language?.trim() ? language.trim() : undefined)),
  })
  .refine((form) => form.file || form.text?.trim(), { message: fieldMessage('form.align.fileOrText'), path: ['file'] });

const segmentIdSchema = z.string().uuid(fieldMessage('form.align.segmentId'));

/** Query of the alignment editor's rows. */
export const alignmentRowsQuerySchema = z.object({
  workId: z.string().min(1),
  /** The translation being aligned. */
  lang: languageTagSchema,
  /** Rows after this order key (reading order only). */
  after: z.string().min(1).max(512).optional(),
  /** "confidence" lists the least confident automatic alignments first. */
  order: z.enum(['reading', 'confidence']).optional().default('reading'),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** One hand correction of the alignment. */
export const alignmentEditSchema = z
  .object({
    workId: z.string().min(1),
    language: languageTagSchema,
    segmentId: segmentIdSchema,
    /** `splitAt` divides the row's translation at `offset`; the others need no more than the row. */
    operation: z.enum(['merge', 'split', 'shiftUp', 'shiftDown', 'unlink', 'splitAt']),
    /**
     * `splitAt` only: where to divide the row's published text, in UTF-16 code units from its
     * start, as the editor saw that text: the revision `expected[segmentId]` names, so a text
     * changed since is refused (STALE_BASE) rather than cut at the wrong place.
     */
    offset: z.number().int().min(1).max(MAX_SEGMENT_CHARS).optional(),
    /** Published revision per segment id as the editor saw them (null for none). */
    expected: z.record(z.string(), z.string().uuid().nullable()),
  })
  .superRefine((edit, context) => {
    if (edit.operation !== 'splitAt') {
      if (edit.offset !== undefined) context.addIssue({ code: 'custom', path: ['offset'], message: fieldMessage('form.align.offsetOnlyForSplit') });
      return;
    }
    if (edit.offset === undefined) context.addIssue({ code: 'custom', path: ['offset'], message: fieldMessage('align.chooseSplitPoint') });
    if (!(edit.segmentId in edit.expected)) context.addIssue({ code: 'custom', path: ['expected'], message: fieldMessage('form.align.revisionMissing') });
  });

/** Undo an alignment edit or re-alignment. */
export const alignmentUndoSchema = z.object({
  workId: z.string().min(1),
  editId: z.string().uuid(fieldMessage('form.align.editId')),
});

/** Re-run the aligner on a range of segments. */
export const realignRangeSchema = z.object({
  workId: z.string().min(1),
  language: languageTagSchema,
  fromSegmentId: segmentIdSchema,
  toSegmentId: segmentIdSchema,
});

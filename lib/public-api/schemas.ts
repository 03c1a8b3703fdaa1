import { z } from 'zod';

import { PUBLIC_API_PAGE, READER_WINDOW_SEGMENTS } from '../config/limits';
import { fieldMessage } from '../errors/error-text';
import { languageTagSchema } from '../library/language-tag';

/**
 * The shapes of the public read API (`/api/v1`): what each endpoint accepts and answers. The
 * OpenAPI document (`openapi-document.ts`) is generated from these schemas; the answers are built
 * by the use cases of this folder from the database, and a test checks every one against the
 * document.
 */

/** Schemas named in the document's components, by name. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

const id = z.uuid();
const nullableString = z.string().nullable();

export const languageSchema = z
  .object({
    language: z.string().describe('BCP 47 language tag.'),
    isSource: z.boolean().describe('The language the work was written in.'),
    translator: z.string().describe('Translator of an imported translation ("" when unknown).'),
    edition: z.string().describe('Edition the translation was published in ("" when unknown).'),
    publishedYear: z.number().int().nullable(),
    translatedFrom: nullableString.describe('Language translated from, when not the original (a pivot).'),
    published: z.number().int().min(0).describe('Text-bearing segments with a published text in this language.'),
    total: z.number().int().min(0).describe('Text-bearing segments of the work.'),
  })
  .describe('One language of a work: its provenance and progress.');
apiSchemas.add(languageSchema, { id: 'Language' });

export const collectionSchema = z.object({
  id,
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  volumeCount: z.number().int().min(0),
  workCount: z.number().int().min(0),
});
apiSchemas.add(collectionSchema, { id: 'Collection' });

export const workPartSchema = z.enum(['work', 'front_matter', 'back_matter']).describe('What part of its volume a work is.');
apiSchemas.add(workPartSchema, { id: 'WorkPart' });

export const volumeWorkSchema = z.object({ id, title: z.string(), position: z.number().int().min(0), part: workPartSchema });
apiSchemas.add(volumeWorkSchema, { id: 'VolumeWork' });

export const volumeSchema = z.object({
  id,
  collectionId: id,
  title: z.string(),
  author: z.string(),
  dateText: z.string(),
  sourceEdition: z.string(),
  works: z.array(volumeWorkSchema).describe('Works, front and back matter in printed order.'),
});
apiSchemas.add(volumeSchema, { id: 'Volume' });

export const volumeSummarySchema = volumeSchema.omit({ works: true }).extend({
  workCount: z.number().int().min(0).describe('Works, front and back matter: list them with /api/v1/volumes/{volumeId} or /api/v1/works?volume=.'),
});
apiSchemas.add(volumeSummarySchema, { id: 'VolumeSummary' });

export const workVolumeSchema = z
  .object({
    id,
    title: z.string(),
    position: z.number().int().min(0).describe('Place in the volume from 0.'),
    part: workPartSchema,
    previousId: id.nullable(),
    nextId: id.nullable(),
  })
  .describe('The volume a work was printed in and its place there.');
apiSchemas.add(workVolumeSchema, { id: 'WorkVolume' });

export const workSchema = z.object({
  id,
  collectionId: id,
  slug: z.string(),
  title: z.string(),
  author: z.string(),
  dateText: z.string(),
  sourceLanguage: z.string(),
  sourceEdition: z.string(),
  provenance: z.string(),
  licence: z.string(),
  volume: workVolumeSchema.nullable(),
  languages: z.array(languageSchema),
  updatedAt: z.iso.datetime({ offset: true }),
});
apiSchemas.add(workSchema, { id: 'Work' });

export const segmentTextSchema = z.object({
  text: z.string(),
  continuesPrevious: z.boolean().describe('The previous segment’s text covers this one too (a translated sentence spanning two source segments).'),
  alignScore: z.number().min(0).max(1).nullable().describe('Confidence of the automatic alignment.'),
  emphasis: z
    .array(z.tuple([z.number().int().min(0), z.number().int().min(0)]))
    .describe('Emphasised stretches of the text (italics, letter-spaced words): [start, end) offsets in UTF-16 code units, in order and apart.'),
});
apiSchemas.add(segmentTextSchema, { id: 'SegmentText' });

export const segmentSchema = z.object({
  id,
  workId: id,
  kind: z.enum(['heading', 'paragraph', 'sentence', 'footnote']),
  level: z.number().int().min(0).describe('A heading’s level (1 = top), a list item’s depth of nesting, else 0.'),
  label: nullableString.describe('A footnote’s label, or null.'),
  order: z.string().describe('Sorts the work’s segments in reading order (compare as strings, by code unit).'),
  parentId: id.nullable().describe('The paragraph a sentence belongs to.'),
  layout: z.object({
    style: z.enum(['prose', 'quote', 'list_item', 'speaker_turn']),
    speaker: nullableString,
    marker: nullableString,
    depth: z.number().int().min(0),
  }),
  pages: z.array(z.object({ label: z.string(), offset: z.number().int().min(0) })).describe('Printed pages that begin in this segment, at an offset of its source text.'),
  footnoteRefs: z.array(z.object({ label: z.string(), offset: z.number().int().min(0), noteId: id })).describe('Footnote markers in the source text and the notes they point to.'),
  texts: z.record(z.string(), segmentTextSchema).describe('Published texts by language (the languages asked for).'),
});
apiSchemas.add(segmentSchema, { id: 'Segment' });

const nextCursor = z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.');

export const collectionListSchema = z.object({ items: z.array(collectionSchema), nextCursor });
apiSchemas.add(collectionListSchema, { id: 'CollectionList' });
export const volumeListSchema = z.object({ items: z.array(volumeSummarySchema), nextCursor });
apiSchemas.add(volumeListSchema, { id: 'VolumeList' });
export const workListSchema = z.object({ items: z.array(workSchema), nextCursor });
apiSchemas.add(workListSchema, { id: 'WorkList' });
export const segmentListSchema = z.object({ items: z.array(segmentSchema), nextCursor });
apiSchemas.add(segmentListSchema, { id: 'SegmentList' });

export const permalinkSchema = z.object({
  segment: segmentSchema,
  replacedFrom: id.nullable().describe('The id asked for, when that segment was merged into this one.'),
});
apiSchemas.add(permalinkSchema, { id: 'Permalink' });

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
apiSchemas.add(errorSchema, { id: 'Error' });

export type ApiCollection = z.infer<typeof collectionSchema>;
export type ApiVolume = z.infer<typeof volumeSchema>;
export type ApiVolumeSummary = z.infer<typeof volumeSummarySchema>;
export type ApiWork = z.infer<typeof workSchema>;
export type ApiSegment = z.infer<typeof segmentSchema>;
export type ApiLanguage = z.infer<typeof languageSchema>;
export interface ApiPage<T> {
  items: T[];
  nextCursor: string | null;
}

// ---- Inputs --------------------------------------------------------------------------------

export const cursorSchema = z.string().min(1).max(700).optional().describe('Where the page starts: the `nextCursor` of the page before.');
export const listLimitSchema = z.coerce.number().int().min(1).max(PUBLIC_API_PAGE.max).default(PUBLIC_API_PAGE.default);

export const listCollectionsInput = z.object({ cursor: cursorSchema, limit: listLimitSchema });
export const collectionInput = z.object({ collectionId: z.string().min(1).max(64) });
export const listVolumesInput = z.object({ collection: z.uuid().optional().describe('Only the volumes of this collection.'), cursor: cursorSchema, limit: listLimitSchema });
export const volumeInput = z.object({ volumeId: z.string().min(1).max(64) });
export const listWorksInput = z.object({
  collection: z.uuid().optional().describe('Only the works of this collection.'),
  volume: z.uuid().optional().describe('Only the works of this volume (in printed order).'),
  cursor: cursorSchema,
  limit: listLimitSchema,
});
export const workInput = z.object({ workId: z.string().min(1).max(64) });
export const listSegmentsInput = z
  .object({
    workId: z.string().min(1).max(64),
    langs: z
      .string()
      .optional()
      .transform((value) => (value ?? '').split(',').filter(Boolean))
      .pipe(z.array(languageTagSchema).max(4, fieldMessage('form.segments.tooManyLanguages')))
      .describe('Comma-separated languages whose published texts to include (default: all the work’s languages, at most four).'),
    page: z.string().trim().min(1).max(20).optional().describe('Start at the first segment of this printed page.'),
    cursor: cursorSchema,
    limit: z.coerce.number().int().min(1).max(READER_WINDOW_SEGMENTS).default(100),
  })
  .refine((query) => !(query.page !== undefined && query.cursor !== undefined), { message: fieldMessage('form.publicApi.pageOrCursor') });
export const segmentInput = z.object({ segmentId: z.string().min(1).max(64) });

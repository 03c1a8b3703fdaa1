import { z } from 'zod';

import { PARTS_OF_SPEECH, TERM_STATUSES } from './glossary-values';
import { lineText, noteText } from './text-forms';
import { MAX_GLOSSARY_EXAMPLE_CHARS, MAX_GLOSSARY_NOTE_CHARS, MAX_GLOSSARY_TERM_CHARS, MAX_GLOSSARY_TRANSLATIONS } from '../config/limits';
import { fieldMessage } from '../errors/error-text';
import { languageTagSchema } from '../library/language-tag';

/** Terms a page of the glossary lists. */
export const GLOSSARY_PAGE_SIZE = 50;
/** Longest reason given for turning a proposal down (characters). */
export const MAX_GLOSSARY_REASON_CHARS = 500;
/** Longest search of the glossary's list (characters). */
export const MAX_GLOSSARY_QUERY_CHARS = 200;

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** A term or one of its translations: one line, trimmed, white space runs as one space. */
const termTextSchema = (what: string) =>
  z
    .string()
    .transform(lineText)
    .pipe(z.string().min(1, fieldMessage('form.glossary.textMissing', { what })).max(MAX_GLOSSARY_TERM_CHARS, fieldMessage('form.glossary.textTooLong', { what, max: MAX_GLOSSARY_TERM_CHARS })));

/** One translation of a term and how it may be used. */
export const glossaryTranslationInputSchema = z.object({
  text: termTextSchema('translation'),
  /** preferred (the one to use), admitted (acceptable too) or forbidden (not to use). */
  status: z.enum(TERM_STATUSES).default('preferred'),
});

export type GlossaryTranslationInput = z.infer<typeof glossaryTranslationInputSchema>;

/** A term with its details and translations, as an editor writes it or a volunteer proposes it. */
export const glossaryTermInputSchema = z.object({
  /** The term in the source language, as it is usually written. */
  text: termTextSchema('term'),
  partOfSpeech: z.preprocess(blankToUndefined, z.enum(PARTS_OF_SPEECH).nullable().default(null)),
  /** A definition or a note for translators. */
  note: z.string().transform(noteText).pipe(z.string().max(MAX_GLOSSARY_NOTE_CHARS, fieldMessage('form.glossary.noteTooLong', { max: MAX_GLOSSARY_NOTE_CHARS }))).default(''),
  /** A sentence showing the term in use. */
  example: z.string().transform(lineText).pipe(z.string().max(MAX_GLOSSARY_EXAMPLE_CHARS, fieldMessage('form.glossary.exampleTooLong', { max: MAX_GLOSSARY_EXAMPLE_CHARS }))).default(''),
  translations: z
    .array(glossaryTranslationInputSchema)
    .min(1, fieldMessage('form.glossary.translationMissing'))
    .max(MAX_GLOSSARY_TRANSLATIONS, fieldMessage('form.glossary.tooManyTranslations', { max: MAX_GLOSSARY_TRANSLATIONS }))
    .refine((translations) => new Set(translations.map((translation) => translation.text.toLowerCase())).size === translations.length, { message: fieldMessage('form.glossary.eachTranslationOnce') }),
});

export type GlossaryTermInput = z.infer<typeof glossaryTermInputSchema>;

const differentLanguages = { message: fieldMessage('exchange.sameLanguages'), path: ['target'] };

/** A collection's glossary for one language pair. */
export const glossaryPairSchema = z
  .object({
    collectionId: z.uuid(),
    /** The language of the terms (the originals'). */
    source: languageTagSchema,
    /** The language they are translated into. */
    target: languageTagSchema,
  })
  .refine((pair) => pair.source !== pair.target, differentLanguages);

export type GlossaryPair = z.infer<typeof glossaryPairSchema>;

/** `POST /api/collections/:id/glossary/terms` (an editor adds a term) and `…/glossary/proposals` (a volunteer proposes one). */
export const createGlossaryTermSchema = glossaryTermInputSchema
  .extend({ collectionId: z.uuid(), source: languageTagSchema, target: languageTagSchema })
  .refine((input) => input.source !== input.target, differentLanguages);

export type CreateGlossaryTerm = z.infer<typeof createGlossaryTermSchema>;

/** `PATCH /api/collections/:id/glossary/terms/:termId`: the term as it is to be (its translations replace the approved ones). */
export const updateGlossaryTermSchema = glossaryTermInputSchema.extend({ collectionId: z.uuid(), termId: z.uuid() });

export type UpdateGlossaryTerm = z.infer<typeof updateGlossaryTermSchema>;

/** `DELETE /api/collections/:id/glossary/terms/:termId`. */
export const glossaryTermRefSchema = z.object({ collectionId: z.uuid(), termId: z.uuid() });

/** `POST /api/collections/:id/glossary/terms/:termId/translations`: a translation proposed for an approved term. */
export const proposeGlossaryTranslationSchema = glossaryTranslationInputSchema.extend({ collectionId: z.uuid(), termId: z.uuid() });

export type ProposeGlossaryTranslation = z.infer<typeof proposeGlossaryTranslationSchema>;

/** `POST /api/collections/:id/glossary/decisions`: an editor's decision on a proposal. */
export const glossaryDecisionSchema = z
  .object({
    collectionId: z.uuid(),
    /** A proposed term (with the translations proposed with it), or a translation proposed for an approved term. */
    kind: z.enum(['term', 'translation']),
    /** The proposed term's or translation's id. */
    id: z.uuid(),
    decision: z.enum(['approve', 'reject']),
    /** Why it is turned down (required to reject): its author reads it. */
    reason: z.string().trim().max(MAX_GLOSSARY_REASON_CHARS, fieldMessage('form.glossary.reasonTooLong', { max: MAX_GLOSSARY_REASON_CHARS })).default(''),
  })
  .refine((input) => input.decision === 'approve' || input.reason !== '', { message: fieldMessage('form.glossary.reasonMissing'), path: ['reason'] });

export type GlossaryDecision = z.infer<typeof glossaryDecisionSchema>;

/** The glossary page's list (and `GET /api/collections/:id/glossary`): a pair, a search and filters. */
export const glossaryListQuerySchema = z
  .object({
    collectionId: z.uuid(),
    source: languageTagSchema,
    target: languageTagSchema,
    /** Part of a term or of one of its translations (case aside). */
    q: z.string().trim().max(MAX_GLOSSARY_QUERY_CHARS, fieldMessage('form.searchTooLong', { max: MAX_GLOSSARY_QUERY_CHARS })).default(''),
    /** Terms with a translation of this status. */
    status: z.preprocess(blankToUndefined, z.enum(TERM_STATUSES).optional()),
    partOfSpeech: z.preprocess(blankToUndefined, z.enum(PARTS_OF_SPEECH).optional()),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
  })
  .refine((query) => query.source !== query.target, differentLanguages);

export type GlossaryListQuery = z.infer<typeof glossaryListQuerySchema>;

/** Formats a glossary is exchanged in. */
export const GLOSSARY_FORMATS = ['tbx', 'csv'] as const;
export type GlossaryFormat = (typeof GLOSSARY_FORMATS)[number];

/** `GET /api/collections/:id/glossary/export`: the pair downloaded, and the format. */
export const glossaryExportQuerySchema = z
  .object({ collectionId: z.uuid(), source: languageTagSchema, target: languageTagSchema, format: z.enum(GLOSSARY_FORMATS).default('tbx') })
  .refine((query) => query.source !== query.target, differentLanguages);

export type GlossaryExportQuery = z.infer<typeof glossaryExportQuerySchema>;

/** `POST /api/collections/:id/glossary/import` (multipart): a TBX or CSV file for a pair. */
export const glossaryImportFormSchema = z
  .object({
    collectionId: z.uuid(),
    file: z.instanceof(File, { message: fieldMessage('form.glossary.file') }).refine((file) => file.size > 0, { message: fieldMessage('file.empty') }),
    source: languageTagSchema,
    target: languageTagSchema,
    /** Read from the file's name when not given (.tbx, .xml: TBX; .csv: CSV). */
    format: z.preprocess(blankToUndefined, z.enum(GLOSSARY_FORMATS).optional()),
  })
  .refine((form) => form.source !== form.target, differentLanguages);

/** `GET /api/works/:workId/glossary`: the glossary terms in the originals of a few editor chunks, translated into `lang`. */
export const workGlossaryQuerySchema = z.object({
  workId: z.uuid(),
  lang: languageTagSchema,
  chunk: z.coerce.number().int().min(0).max(999_999),
  count: z.coerce.number().int().min(1).max(4).default(1),
});

export type WorkGlossaryQuery = z.infer<typeof workGlossaryQuerySchema>;

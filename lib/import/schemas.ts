import { z } from 'zod';

import { CLEANUP_RULE_IDS } from '../cleanup/rule-ids';
import { MAX_SOURCE_URL, MAX_TITLE_CHARS } from '../config/limits';
import { AppError } from '../errors/app-error';
import { fieldMessage } from '../errors/error-text';
import { languageTagSchema } from '../library/language-tag';

const optionalText = z.string().trim().max(2000).optional().default('');

/** Bibliographic metadata given with an import. */
export const workMetadataSchema = z.object({
  /** Title shown in the library. */
  title: z.string().trim().min(1, fieldMessage('form.titleMissing')).max(MAX_TITLE_CHARS),
  /** Author as printed. */
  author: z.string().trim().max(MAX_TITLE_CHARS).optional().default(''),
  /** Date of the work as printed ("January 22, 1926"). */
  dateText: z.string().trim().max(100).optional().default(''),
  /** Language the text is written in. */
  language: languageTagSchema,
  /** The edition the text was taken from. */
  sourceEdition: optionalText,
  /** Where the file came from and what was done to it. */
  provenance: optionalText,
  /** Licence or copyright status. */
  licence: optionalText,
});
export type WorkMetadata = z.infer<typeof workMetadataSchema>;

/**
 * A work's source link as stored (`work.source_url`): an http or https address of at most 2,048
 * characters, or empty. The anthology split reads it from a piece's source line.
 */
export const sourceUrlSchema = z.union([
  z.literal(''),
  z
    .url({ protocol: /^https?$/u })
    .max(MAX_SOURCE_URL),
]);

/** Validates a work's metadata; INVALID_INPUT with the fields' messages when it does not hold. */
export function parseWorkMetadata(input: unknown): WorkMetadata {
  const parsed = workMetadataSchema.safeParse(input);
  if (!parsed.success) throw AppError.invalidInput(parsed.error.issues, 'import.invalidWorkDetails');
  return parsed.data;
}

/** Which cleanup rules an import runs (see lib/cleanup). */
const cleanupChoiceSchema = z.object({
  /** Run cleanup at all (default: on for plain text, off for Markdown). */
  isEnabled: z.boolean().optional(),
  /** Rule id → on/off; rules not named keep their default. */
  rules: z.partialRecord(z.enum(CLEANUP_RULE_IDS), z.boolean()).optional(),
});

/**
 * The import form as the HTTP route receives it (multipart): a file or pasted text, the
 * collection, and the work's metadata (checked in detail by `workMetadataSchema`).
 */
export const importFormSchema = z
  .object({
    /** The uploaded .txt/.md file; an empty file input (no name) counts as none. */
    file: z
      .instanceof(File)
      .optional()
      .transform((file) => (file && file.name === '' && file.size === 0 ? undefined : file)),
    /** Text pasted instead of a file. */
    text: z.string().optional(),
    /** Collection title: an existing one is matched by slug or title, a new one created for admins. */
    collection: z.string().trim().min(1, fieldMessage('collection.nameMissing')).max(MAX_TITLE_CHARS),
    title: z.string(),
    author: z.string().optional(),
    dateText: z.string().optional(),
    language: z.string(),
    sourceEdition: z.string().optional(),
    provenance: z.string().optional(),
    licence: z.string().optional(),
    /** Cleanup choices as JSON: `{ "isEnabled": true, "rules": { "line-joins": false } }`; omitted = defaults. */
    cleanup: z
      .string()
      .optional()
      .transform((value, context) => {
        if (!value) return undefined;
        try {
          return cleanupChoiceSchema.parse(JSON.parse(value));
        } catch {
          context.addIssue({ code: 'custom', message: fieldMessage('form.import.cleanupUnreadable') });
          return z.NEVER;
        }
      }),
    /** "true": import a volume as one work per item of its table of contents (see `importVolume`). */
    split: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true'),
  })
  .refine((form) => form.file || form.text?.trim(), { message: fieldMessage('form.import.fileOrText'), path: ['file'] });

/** The form of `POST /api/imports/extract`: the file whose text the import preview needs. */
export const extractFormSchema = z.object({
  /** The uploaded file (.docx; any importable format is read). */
  file: z.instanceof(File, { message: fieldMessage('form.import.file') }).refine((file) => file.name !== '' || file.size > 0, { message: fieldMessage('form.import.file') }),
});

/** A request to run the import of a work again with other cleanup choices (`reimportWork`). */
export const reimportInputSchema = z.object({
  /** The work whose original upload is imported again. */
  workId: z.uuid(fieldMessage('work.notFoundThat')),
  /** The cleanup choices; omitted = the defaults of a first import. */
  cleanup: cleanupChoiceSchema.optional(),
  /** Only report what would change. */
  dryRun: z.boolean().optional(),
});
export type ReimportInput = z.infer<typeof reimportInputSchema>;

/**
 * The names XLIFF files of Interlinear use, shared by the writer (lib/export/xliff) and the reader
 * of files coming back (lib/xliff). Pure.
 */

export const XLIFF_2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';
export const XLIFF_METADATA_NAMESPACE = 'urn:oasis:names:tc:xliff:metadata:2.0';
export const XLIFF_1_2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2';

/** The metadata group (2.0, `mda:metaGroup category`) and context group (1.2, `context-group name`) of a unit's revisions. */
export const REVISION_GROUP = 'interlinear';

/** What a unit records of the texts it was written from (`mda:meta type`, or `context-type` with an `x-interlinear-` prefix in 1.2). */
export const META = {
  /** The original's published revision the unit's source is. */
  sourceRevision: 'source-revision',
  /** The translation's published revision the unit's target is, or {@link NO_REVISION}. */
  targetRevision: 'target-revision',
  /** The segment's kind: sentence, heading or footnote. */
  kind: 'kind',
} as const;

/** The target revision of a unit whose segment had no published translation. */
export const NO_REVISION = 'none';

/** `context-type` of a 1.2 `<context>` holding `META[name]`. */
export function contextType(name: (typeof META)[keyof typeof META]): string {
  return `x-interlinear-${name}`;
}

/**
 * A text as compared and suggested on import: runs of XML white space (spaces, tabs, line
 * breaks) as one space, trimmed, as tools re-indent and re-wrap; a no-break space is a letter of
 * the text and stays.
 */
export function normalisedText(text: string): string {
  return text.replace(/[ \t\r\n]+/gu, ' ').trim();
}

/**
 * Quality checks of translations (docs/quality-checks.md): what a check reads and what it finds.
 * Pure types, shared by the checks (which run in the browser as the volunteer types, and on the
 * server for the review queue, the work's list and submissions) and by their loaders.
 */

import type { Messages } from '../i18n/load-messages';

/** The checks, in the order they are listed. The ids are stored (settings, dismissals) and used in URLs (`?check=numbers`). */
export const CHECK_IDS = ['numbers', 'footnotes', 'brackets', 'spacing', 'untranslated', 'end-punctuation', 'glossary', 'names', 'length', 'consistency', 'repeated-words'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value);
}

/** `error`: almost certainly wrong (a number or a footnote marker lost); `warning`: worth a look. */
export type Severity = 'error' | 'warning';

/** A stretch of a text, as UTF-16 offsets `[start, end)`. */
export interface TextRange {
  start: number;
  end: number;
}

/** Longest finding key (a dismissal records it): keys name a number, a marker, a word; one longer is cut and ends with its digest. */
export const MAX_FINDING_KEY_CHARS = 300;

type CheckMessages = Messages['checks']['messages'];

/** A message of the catalogues a finding may say (`checks.messages.<check>.<name>` in lib/i18n/messages), e.g. `numbers.missing`. */
export type CheckMessageKey = { [C in keyof CheckMessages]: `${C & string}.${keyof CheckMessages[C] & string}` }[keyof CheckMessages];

/** Texts of the translation or the glossary, each quoted and joined into one list ("“a” or “b”", "“a”, “b”") in the reader's language. */
export interface QuotedList {
  quoted: readonly string[];
  join: 'or' | 'comma';
}

/** A value of a finding's message: a piece of text as it stands (a number, an excerpt), a count or ratio, a select's choice, or a list. */
export type CheckMessageValue = string | number | QuotedList;

/**
 * What a finding says, as a catalogue key and its values, rendered in the viewer's language by
 * `formatFinding` (lib/checks/format-finding.ts) or `<FindingMessage>`; the values are plain
 * data, so findings go through JSON unchanged.
 */
export interface CheckMessage {
  key: CheckMessageKey;
  values?: Readonly<Record<string, CheckMessageValue>>;
}

/** One thing a check found in a translation. */
export interface Finding {
  check: CheckId;
  severity: Severity;
  /** What is wrong, in one sentence fit to show to the translator. */
  message: CheckMessage;
  /**
   * The finding's identity within its check, stable while the finding stays the same (the number
   * that differs, the marker missing, the rule broken and the word it stands at), not its place:
   * a dismissal is remembered by segment, language, check and key, so editing elsewhere in the
   * text does not bring a dismissed finding back, and a different problem is a new finding.
   */
  key: string;
  sourceRange?: TextRange;
  targetRange?: TextRange;
}

/** The texts a check compares. */
export interface CheckSegment {
  /** The source text (the texts of a group translated as one, joined by a space). */
  source: string;
  /** The translation being checked (a draft, a suggestion or a published text). */
  target: string;
  /** Language tags ("en", "ru", "de-CH"). */
  sourceLanguage: string;
  targetLanguage: string;
}

/** A footnote reference of the source text: the note's label ("12", "*") and where its marker stands. */
export interface SourceFootnote {
  label: string;
  offset: number;
}

/** One translation of a glossary term, with the stems its words have in the target language. */
export interface GlossaryTranslation {
  text: string;
  status: 'preferred' | 'admitted' | 'forbidden';
  /** The stems of its words, in order (PostgreSQL's stemming of the target language). */
  stems: string[];
}

/** A glossary term found in the source text (filled by the glossary module, lib/glossary). */
export interface GlossaryHit {
  termId: string;
  term: string;
  start: number;
  end: number;
  translations: GlossaryTranslation[];
}

/** A word of the target text and its stem; a translation occurs where its stems stand at consecutive tokens. */
export interface TargetToken {
  start: number;
  end: number;
  stem: string;
}

/** A name of the name authority mentioned in the target text (filled by the names module, lib/names). */
export interface NameMention {
  nameId: string;
  start: number;
  end: number;
  /** The form written in the text. */
  found: string;
  /** The authority's preferred form in the target language, null when it has none. */
  preferred: string | null;
  isPreferred: boolean;
}

/**
 * What the glossary says about a segment: the terms of its source, and the target text's tokens
 * as the server stemmed them. `targetText` is the text those tokens belong to: for another text
 * (a draft typed since) the check tokenizes the text itself and matches stems as prefixes of its
 * words, which is what stemming mostly does.
 */
export interface GlossaryContext {
  hits: GlossaryHit[];
  targetTokens: TargetToken[];
  targetText: string | null;
}

/** The names mentioned in a target text; `targetText` is the text the offsets belong to (ignored for any other). */
export interface NameContext {
  mentions: NameMention[];
  targetText: string | null;
}

/**
 * How long this work's translations into a language are against their sources: the median of
 * ln(target characters / source characters) and the spread of the pairs around it (a robust
 * standard deviation, 1.4826 × the median absolute deviation, for a source of 100 characters:
 * lib/checks/length-norm.ts), over `count` published translations; `isDefault` when the work has
 * too few of them and the language pair's usual figures stand in.
 */
export interface LengthNorm {
  median: number;
  spread: number;
  count: number;
  isDefault: boolean;
}

/** Another published translation of the same source sentence elsewhere in the work. */
export interface OtherTranslation {
  segmentId: string;
  text: string;
}

/**
 * What the checks need besides the two texts. A part that is null is not known (yet): the check
 * that needs it does not run (the editor runs the checks before its context has arrived).
 */
export interface CheckContext {
  footnotes: SourceFootnote[] | null;
  glossary: GlossaryContext | null;
  names: NameContext | null;
  lengthNorm: LengthNorm | null;
  otherTranslations: OtherTranslation[] | null;
}

/** A context where nothing beyond the two texts is known. */
export const EMPTY_CONTEXT: CheckContext = { footnotes: null, glossary: null, names: null, lengthNorm: null, otherTranslations: null };

/** One check's setting in a collection. */
export interface CheckSetting {
  isEnabled: boolean;
  /** A draft with an undismissed finding of this check cannot be submitted or published. */
  isBlocking: boolean;
}

export type CheckSettings = Record<CheckId, CheckSetting>;

/** A finding an editor dismissed: who, when and why. */
export interface Dismissal {
  check: CheckId;
  key: string;
  reason: string;
  by: { id: string; name: string } | null;
  at: string;
}

/** A finding as lists show it: dismissed or not. */
export interface ShownFinding extends Finding {
  dismissal: Dismissal | null;
}

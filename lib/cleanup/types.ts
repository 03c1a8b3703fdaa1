import type { EmphasisSpan } from '../segment/emphasis';
import type { BlockStyleName } from '../segment/segmenter/block-layout';

/** Identifier of one cleanup rule; also the key of the per-rule on/off switches. */
export type CleanupRuleId =
  | 'running-headers'
  | 'page-numbers'
  | 'line-joins'
  | 'dehyphenation'
  | 'letter-spacing'
  | 'charset-punctuation'
  | 'ellipses'
  | 'quotation-marks'
  | 'web-boilerplate'
  | 'footnote-markers'
  | 'inline-page-markers'
  | 'lists'
  | 'block-quotes'
  | 'speaker-turns';

/** The format the text came in; some rules read structure differently in Markdown or HTML-extracted text. */
export type CleanupFormat = 'txt' | 'md' | 'html';

/** What a detector is given: the text as it stands at the detector's stage of the pipeline. */
export interface CleanupInput {
  text: string;
  format: CleanupFormat;
  /**
   * Every line is a paragraph: an earlier rule joined the hard-wrapped lines, and the import
   * segments the text line by line. Otherwise paragraphs are separated by blank lines.
   */
  isLinePerParagraph?: boolean;
}

/**
 * One replacement on the text a detector was given. Ranges are UTF-16 offsets into that text
 * (not into the original upload: each rule runs on the output of the previous one).
 */
export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
  ruleId: CleanupRuleId;
  /** When the edit removes a page header/number/marker: the page label that begins after it. */
  pageLabel?: string;
}

/** A printed page beginning at `offset` (in the text the anchor's stage refers to). */
export interface PageAnchor {
  label: string;
  offset: number;
}

/** A footnote reference linked to its note; offsets refer to the text after the rule's own edits. */
export interface FootnoteLink {
  /** The marker as printed: "1", "12". */
  label: string;
  /** Where the marker stood: the sentence text now reads on without it. */
  markerOffset: number;
  /** Start of the note's text (after its own label). */
  noteOffset: number;
}

/**
 * A note found by the footnote rule, whether or not a marker in the text points to it: its label
 * as printed ("12", "*"), where the label starts, and where its text starts and ends (the text may
 * run over several lines: one note, whatever its lines). Offsets into the rule's output text.
 */
export interface FootnoteNote {
  label: string;
  start: number;
  offset: number;
  end: number;
}

/**
 * A paragraph laid out as something other than running prose, found by a structure rule. The
 * prefix `[start, end)` — a speaker's name, a list marker, an indentation — is not part of the
 * paragraph's text; the text itself is not edited.
 */
export interface BlockMark {
  /** Start of the paragraph's line. */
  start: number;
  /** Where the paragraph's text begins. */
  end: number;
  /** PROSE only ends a quotation whose lines would otherwise run on into the next paragraph. */
  style: BlockStyleName;
  /** For a SPEAKER_TURN: who speaks, as the text names them ("Wells"). */
  speaker?: string;
  /** For a LIST_ITEM: the marker as it reads ("1.", "a)", "•"). */
  marker?: string;
  /** For a LIST_ITEM: how deep its list is nested in other lists, from the items' indentation (0: not nested). */
  depth?: number;
}

/** Structured findings a rule hands on besides its edits. */
export interface RuleProposalData {
  /** Pages found by this rule, offsets into this rule's output text. */
  pages?: PageAnchor[];
  /** Footnote links, offsets into this rule's output text. */
  footnotes?: FootnoteLink[];
  /** Notes found, offsets into this rule's output text. */
  notes?: FootnoteNote[];
  /** The learned character map (wrong character → intended punctuation). */
  charMap?: Record<string, string>;
  /** Lines (trimmed) the rule removed as running headers or boilerplate, for reports and tests. */
  removedLines?: string[];
  /** Paragraph layouts found by a structure rule, offsets into this rule's output text. */
  blocks?: BlockMark[];
  /** Emphasised stretches found by the rule (letter-spaced words), offsets into this rule's output text. */
  emphasis?: EmphasisSpan[];
}

/** One change as the report shows it: the text before and after. */
export interface RuleExample {
  before: string;
  after: string;
  /**
   * For a layout found by a structure rule, what `after` says in English ("[speaker: Wells] Text"):
   * the layout, its speaker or list marker, and the text shown, for the interface to name in its
   * language.
   */
  layout?: { style: 'LIST_ITEM' | 'QUOTE' | 'SPEAKER_TURN'; name: string; text: string };
}

/** Arguments of a rule's summary message: counts, and a few words or marks quoted from the text. */
export type SummaryValues = Record<string, number | string>;

/**
 * What a detector proposes: edits on the text (non-overlapping, sorted ranges into the text it was
 * given), a count, examples for the report, and structured data.
 */
export interface RuleProposal {
  ruleId: CleanupRuleId;
  edits: TextEdit[];
  count: number;
  examples: RuleExample[];
  /** One line for the report, e.g. "212 running headers removed". */
  summary: string;
  /**
   * The figures of the summary, for the report in the interface's language: the rule's message
   * `import.cleanupRules.<ruleId>.summary` of lib/i18n/messages takes them as its arguments.
   */
  summaryValues: SummaryValues;
  data?: RuleProposalData;
}

/** A cleanup rule: metadata for the UI/CLI and a pure detector. */
export interface CleanupRule {
  id: CleanupRuleId;
  title: string;
  description: string;
  defaultEnabled: boolean;
  detect(input: CleanupInput): RuleProposal;
}

/** Options of {@link CleanupResult}'s producer, `runCleanup`. */
export interface RunCleanupOptions {
  /** Switch rules on or off; rules not named keep their default. */
  enabled?: Partial<Record<CleanupRuleId, boolean>>;
  format?: CleanupFormat;
  /** Emphasis the text already has (the italics of a web page), offsets into the text given. */
  emphasis?: readonly EmphasisSpan[];
}

/** The cleaned text with everything needed to preview, report and keep structure. */
export interface CleanupResult {
  text: string;
  /** One proposal per rule that ran, in pipeline order; each refers to the text at its stage. */
  proposals: RuleProposal[];
  /** Offsets into the cleaned text where printed pages begin, in increasing order. */
  pages: PageAnchor[];
  /** Footnote links with offsets into the cleaned text. */
  footnotes: FootnoteLink[];
  /** Every note found (linked or not), offsets into the cleaned text, in order. */
  notes: FootnoteNote[];
  /** Paragraph layouts (quotations, list items, speaker turns), offsets into the cleaned text, in order. */
  blocks: BlockMark[];
  /** Emphasis, given and found (letter-spaced words), offsets into the cleaned text, in order and apart. */
  emphasis: EmphasisSpan[];
  /** One line per rule that ran. */
  report: string[];
}

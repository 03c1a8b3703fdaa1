import { CLEANUP_RULES, createOffsetMapper, runCleanup, type CleanupResult, type CleanupRuleId, type RuleExample, type SummaryValues } from '@/lib/cleanup';
import { proposeSplit, summarizeSplitPart, type SplitPartSummary, type SplitProposal } from '@/lib/cleanup/split';
import { structureChanges, type StructureChange } from '@/lib/cleanup/structure-changes';
import { diffWords, type DiffOp } from '@/lib/diff/word-diff';
import { AppError } from '@/lib/errors/app-error';
import type { ErrorKey, ErrorValues } from '@/lib/errors/error-text';
import type { ImportFormat } from '@/lib/import/decode/decode-text';
import type { DetectedEncodingName } from '@/lib/import/decode/detect-encoding';
import { defaultTitleOf } from '@/lib/import/default-title';
import { cleanupFormatOf, readUploadText, textForCleanup } from '@/lib/import/read-upload-text';

/** Size of one excerpt of the diff preview (characters of the original). */
const PREVIEW_WINDOW_CHARS = 3000;

/**
 * What the preview is made from: a chosen file's bytes, pasted text (already a string), or the
 * text the server took out of a file the browser cannot read (a Word document, `POST
 * /api/imports/extract`), as the import hands it to the cleanup rules.
 */
export type PreviewSource =
  | { kind: 'bytes'; bytes: ArrayBuffer; filename: string }
  | { kind: 'text'; text: string }
  | { kind: 'extracted'; text: string; format: ImportFormat; encoding: DetectedEncodingName };

/** Which rules run; rules not named keep their default. */
export type RuleChoice = Partial<Record<CleanupRuleId, boolean>>;

/** What one rule found when every rule runs. */
export interface RuleFinding {
  ruleId: CleanupRuleId;
  count: number;
  summary: string;
  /** The summary's figures, for the rule's message in the interface's language. */
  summaryValues: SummaryValues;
  examples: RuleExample[];
}

/** The text as decoded and what each cleanup rule would do to it. */
export interface CleanupAnalysis {
  /** Null for pasted text (already Unicode). */
  encoding: DetectedEncodingName | null;
  /** The format of the file (`txt` for pasted text). */
  format: ImportFormat;
  characters: number;
  findings: RuleFinding[];
  /** The title the import form starts from: the text's own (every rule on), else the file's name made readable. */
  title: string;
}

/** One part of a proposed volume split, as the preview shows it (the text stays in the worker). */
export type ProposedWork = SplitPartSummary;

/** One excerpt of the cleaned text, diffed against the same stretch of the original. */
export interface CleanupPreview {
  page: number;
  pageCount: number;
  /** Range of the original the excerpt covers. */
  start: number;
  end: number;
  characters: number;
  ops: DiffOp[];
  /** The paragraphs of the excerpt a structure rule laid out (speaker turns, list items, quotations): they edit no character. */
  structure: StructureChange[];
  /** count and summary of each rule that ran with the chosen rules. */
  counts: { ruleId: CleanupRuleId; count: number; summary: string; summaryValues: SummaryValues }[];
  /**
   * The works the cleaned text would split into, following its table of contents (front and back
   * matter included) or, without contents, the pieces of an anthology; null when it splits neither
   * way, or into only one part.
   */
  split: ProposedWork[] | null;
  /** How the split was found (null: no split). */
  splitBy: 'contents' | 'anthology' | null;
}

/** Why the preview failed, when the browser can tell (the interface words it: `import.previewErrors`). */
export type PreviewFailure = 'unprepared' | 'unreadable' | 'docx';

/**
 * Why the browser's own reading of a file refused it, as the server would say it: the key of its
 * message in the catalogues' `errors` namespace, with the message's values (the interface words it).
 */
export interface PreviewReason {
  key: ErrorKey;
  values?: ErrorValues;
}

/**
 * A refusal to read the source: the server's reason (worded for the user), or a failure the
 * browser found, with its English wording for logs (and the reason's key, when it is a server
 * message the browser's code gave).
 */
export class PreviewError extends Error {
  constructor(
    message: string,
    readonly failure?: PreviewFailure,
    readonly reason?: PreviewReason,
  ) {
    super(message);
  }
}

/** What a failed request answers: the session's reason, or "could not be prepared" for anything unexpected. */
export function failureOf(error: unknown): { message: string; failure?: PreviewFailure; reason?: PreviewReason } {
  if (error instanceof PreviewError) return { message: error.message, ...(error.failure ? { failure: error.failure } : {}), ...(error.reason ? { reason: error.reason } : {}) };
  return { message: 'The preview could not be prepared.', failure: 'unprepared' };
}

const ALL_RULES_ON: RuleChoice = Object.fromEntries(CLEANUP_RULES.map((rule) => [rule.id, true]));

interface CleanedText {
  result: CleanupResult;
  /** Maps an offset in the original to the cleaned text (each rule's mapper in pipeline order). */
  map: (offset: number) => number;
  /** The split the cleaned text proposes (by its contents or as an anthology), or null. */
  proposal: SplitProposal | null;
  split: ProposedWork[] | null;
  splitBy: CleanupPreview['splitBy'];
}

/**
 * The import preview's state for one source: decodes it once, runs the cleanup per choice of rules
 * (remembering the last run, since paging through the excerpts must not re-run a 500 ms cleanup),
 * and diffs one excerpt at a time. Pure computation with no DOM: runs in the preview worker, or on
 * the main thread where workers are unavailable.
 */
export class CleanupPreviewSession {
  private original = '';
  private format: ImportFormat = 'txt';
  private windows: number[] = [0];
  private cache: { key: string; cleaned: CleanedText } | null = null;

  /** Decodes the source and runs every rule once; throws {@link PreviewError} with the reason a file cannot be read. */
  load(source: PreviewSource): CleanupAnalysis {
    let encoding: DetectedEncodingName | null = null;
    let filename: string | null = null;
    try {
      // As the import reads it (lib/import/read-upload-text.ts): a web page is cleaned as its article text.
      if (source.kind === 'bytes') {
        // Word documents are unzipped on the server, which sends their text as an `extracted` source.
        if (/\.docx$/iu.test(source.filename)) throw new PreviewError('Word documents are read on the server; choose the file again to preview it.', 'docx');
        filename = source.filename;
        const upload = readUploadText({ bytes: new Uint8Array(source.bytes), filename: source.filename });
        this.format = upload.format;
        this.original = upload.text;
        encoding = upload.encoding;
      } else if (source.kind === 'extracted') {
        this.format = source.format;
        this.original = textForCleanup(source.format, source.text);
        encoding = source.encoding;
      } else {
        this.format = 'txt';
        this.original = textForCleanup('txt', source.text);
      }
    } catch (error) {
      if (error instanceof PreviewError) throw error;
      throw error instanceof AppError ? new PreviewError(error.message, undefined, error.values ? { key: error.key, values: error.values } : { key: error.key }) : new PreviewError('The file could not be read.', 'unreadable');
    }
    this.windows = windowStarts(this.original, PREVIEW_WINDOW_CHARS);
    this.cache = null;
    const { result, proposal } = this.clean(ALL_RULES_ON);
    return {
      encoding,
      format: this.format,
      characters: this.original.length,
      findings: result.proposals.map(({ ruleId, count, summary, summaryValues, examples }) => ({ ruleId, count, summary, summaryValues, examples })),
      title: defaultTitleOf(result, filename, proposal),
    };
  }

  /** The diff of excerpt `page` (clamped to the excerpts there are) with the chosen rules. */
  preview(rules: RuleChoice, page: number): CleanupPreview {
    const { result, map, split, splitBy } = this.clean(rules);
    const pageCount = this.windows.length;
    const index = Math.max(0, Math.min(page, pageCount - 1));
    const start = this.windows[index] ?? 0;
    const end = this.windows[index + 1] ?? this.original.length;
    const cleanedStart = index === 0 ? 0 : map(start);
    const cleanedEnd = index + 1 === pageCount ? result.text.length : map(end);
    return {
      page: index,
      pageCount,
      start,
      end,
      characters: this.original.length,
      ops: diffWords(this.original.slice(start, end), result.text.slice(cleanedStart, cleanedEnd)),
      structure: structureChanges(result.text, result.blocks, cleanedStart, cleanedEnd),
      counts: result.proposals.map(({ ruleId, count, summary, summaryValues }) => ({ ruleId, count, summary, summaryValues })),
      split,
      splitBy,
    };
  }

  private clean(rules: RuleChoice): CleanedText {
    const enabled = { ...ALL_RULES_ON, ...rules };
    const key = CLEANUP_RULES.map((rule) => (enabled[rule.id] ? '1' : '0')).join('');
    if (this.cache?.key === key) return this.cache.cleaned;
    const result = runCleanup(this.original, { enabled, format: cleanupFormatOf(this.format) });
    const mappers = result.proposals.filter((proposal) => proposal.edits.length > 0).map((proposal) => createOffsetMapper(proposal.edits));
    // As the volume import does (lib/import/prepare-text.ts): split the cleaned text by its contents, or into an anthology's pieces.
    const proposal = proposeSplit({ text: result.text, pages: result.pages });
    const split = proposal?.works.map(summarizeSplitPart) ?? null;
    const cleaned = { result, map: (offset: number) => mappers.reduce((at, mapper) => mapper(at), offset), proposal, split, splitBy: proposal?.method ?? null };
    this.cache = { key, cleaned };
    return cleaned;
  }
}

/**
 * Where each excerpt begins: about every `size` characters, moved forward to the next line start
 * (or the next space) so an excerpt does not begin in the middle of a word or a running header.
 */
function windowStarts(text: string, size: number): number[] {
  const starts = [0];
  let at = 0;
  while (at + size < text.length) {
    const target = at + size;
    const lineStart = text.indexOf('\n', target);
    const spaceStart = text.indexOf(' ', target);
    let next = lineStart >= 0 && lineStart - target < size / 4 ? lineStart + 1 : spaceStart >= 0 && spaceStart - target < size / 4 ? spaceStart + 1 : target;
    if (next >= text.length) break;
    if (next <= at) next = target;
    starts.push(next);
    at = next;
  }
  return starts;
}

/**
 * The one planner of structural edits: from a snapshot of the rows a change concerns, either a
 * clear refusal or every change to write with the preview a reviewer sees. Proposing (validation
 * and preview), the review queue (preview and blockers against the current state) and applying
 * (under row locks) all plan with it, so what is approved is what is applied. Pure.
 */
import type { StructuralOperation, StructurePreview, StructureRow } from './structural-operation';
import type { StructureRefusal, StructureRefusalReason } from './structure-refusal';
import type { BlockStyleName, SegmentKindName, SnapshotSegment, SnapshotTranslation, StructureSnapshot } from './structure-snapshot';
import { structureSummaryText, type StructureBlocker, type StructureSummary, type SummaryKind } from './structure-summary';
import { errorText } from '../errors/error-text';
import { sliceEmphasis, type EmphasisSpan } from '../segment/emphasis';
import { keyBetween } from '../segment/order-key';

/** A segment the change creates; `ref` is a placeholder ('new-1', …) the applier replaces with a new id. */
export interface PlannedSegment {
  ref: string;
  kind: SegmentKindName;
  level: number;
  label: string | null;
  style: BlockStyleName;
  speaker: string | null;
  /** An existing paragraph's id or a created one's ref. */
  parentRef: string | null;
  orderKey: string;
  chunk: number;
}

/** A change of an existing segment's place or kind (only the fields given change). */
export interface PlannedUpdate {
  segmentId: string;
  kind?: SegmentKindName;
  level?: number;
  label?: string | null;
  parentRef?: string | null;
  orderKey?: string;
}

/**
 * A published text to write (compare-and-set on `expectedRevisionId`). `sourceRevision` for a
 * translation: 'new' records the segment's new source revision (the text is as current as its
 * parts were), 'keep' leaves the one recorded (the segment's source text changes too, so the
 * translation turns stale: to check), 'unset' records none (the source text stays but the
 * translation took words nobody checked against it: stale, to check).
 */
export interface PlannedText {
  segmentRef: string;
  language: string;
  text: string;
  expectedRevisionId: string | null;
  sourceRevision: 'new' | 'keep' | 'unset' | null;
  /** The source text's emphasis, cut or joined with it (absent: carried over by the word diff when written). */
  emphasis?: EmphasisSpan[];
}

export interface StructurePlan {
  operation: StructuralOperation;
  /** The first segment the change concerns (text-bearing): what the suggestion is filed under. */
  firstSegmentId: string;
  /** Every published revision the change depends on: compared again when it is applied. */
  bases: { segmentId: string; language: string; revisionId: string | null }[];
  creates: PlannedSegment[];
  updates: PlannedUpdate[];
  retires: { segmentId: string; replacedByRef: string }[];
  /** Source texts first, then translations. */
  texts: PlannedText[];
  /** Translations that stay as they are but now match the new source (their `source_revision_id` follows it). */
  confirmations: { segmentRef: string; language: string }[];
  /** Texts of created segments covered by the previous segment's translation (`continues_previous`). */
  groupings: { segmentRef: string; language: string }[];
  /** Page anchors and footnote references that move to another segment or offset. */
  markMoves: { table: 'anchor' | 'ref'; id: string; segmentRef: string; charOffset: number }[];
  /** Footnote references that now point at another note. */
  noteMoves: { refId: string; footnoteRef: string }[];
  newRefs: { segmentId: string; footnoteRef: string; label: string; charOffset: number }[];
  /** Comments and readers' reports of a retired segment that move to the one replacing it. */
  discussionMoves: { from: string; to: string }[];
  /** Open text suggestions (pending, or approved once) on segments whose source text the change rewrites or retires: decided first. */
  blocking: { segmentIds: string[]; suggestionIds: string[] };
  preview: StructurePreview;
}

/** A plan, or why there is none: the refusal's reason and arguments, and its English `message` (logs, tests). */
export type PlanOutcome = { ok: true; plan: StructurePlan } | { ok: false; code: 'INVALID_INPUT' | 'CONFLICT' | 'NOT_FOUND'; refusal: StructureRefusal; message: string };

const SENTENCE_END = /[.!?…]/u;
const CLOSING = /["'”’»)\]]/u;
/** What cannot begin a new sentence glued to the previous one: a digit (3.5) or a small letter (e.g.). */
const NO_SENTENCE_START = /[\p{Ll}\p{Nd}]/u;
const BLANK = /\s/u;
const EXCERPT_CHARS = 40;

class Refusal extends Error {
  readonly refusal: StructureRefusal;

  constructor(
    readonly code: 'INVALID_INPUT' | 'CONFLICT' | 'NOT_FOUND',
    reason: StructureRefusalReason,
    values?: Readonly<Record<string, string>>,
  ) {
    const refusal: StructureRefusal = values ? { refused: reason, values } : { refused: reason };
    super(structureRefusalText(refusal));
    this.refusal = refusal;
  }
}

/** A refusal in English (in another language: `errors.structureRefusal.<reason>` worded at the answer). */
export function structureRefusalText({ refused, values }: StructureRefusal): string {
  return errorText(`structureRefusal.${refused}`, values);
}

/** Plans `operation` against `snapshot`: the changes and the preview, or why it cannot be done. */
export function planStructuralEdit(snapshot: StructureSnapshot, operation: StructuralOperation): PlanOutcome {
  try {
    return { ok: true, plan: new Planner(snapshot, operation).plan() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, code: error.code, refusal: error.refusal, message: error.message };
    throw error;
  }
}

/** What a row will look like, built up while planning, for the preview. */
interface RowState {
  id: string | null;
  ref: string;
  kind: SegmentKindName;
  level: number;
  label: string | null;
  paragraph: string | null;
  orderKey: string;
  text: string;
  mark: { from: number; to: number } | null;
  translations: Map<string, { text: string; continuesPrevious: boolean; toCheck: boolean }>;
  change: StructureRow['change'];
}

class Planner {
  private readonly result: Omit<StructurePlan, 'preview' | 'firstSegmentId' | 'operation'> = {
    bases: [],
    creates: [],
    updates: [],
    retires: [],
    texts: [],
    confirmations: [],
    groupings: [],
    markMoves: [],
    noteMoves: [],
    newRefs: [],
    discussionMoves: [],
    blocking: { segmentIds: [], suggestionIds: [] },
  };
  private readonly after = new Map<string, RowState>();
  private readonly beforeMarks = new Map<string, { from: number; to: number }>();
  private created = 0;
  private summary: StructureSummary | null = null;

  constructor(
    private readonly snapshot: StructureSnapshot,
    private readonly operation: StructuralOperation,
  ) {
    for (const row of snapshot.rows) this.after.set(row.id, this.stateOf(row));
  }

  plan(): StructurePlan {
    const first = this.apply();
    const rows = this.snapshot.rows;
    const before = rows.map((row) => this.previewRow(this.stateOf(row), this.beforeMarks.get(row.id) ?? null));
    const after = [...this.after.values()].sort((a, b) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0)).map((state) => this.previewRow(state, state.mark));
    const count = this.result.blocking.suggestionIds.length;
    const blockers: StructureBlocker[] = count > 0 ? [{ reason: 'openSuggestions', count }] : [];
    const summary = this.summary as StructureSummary;
    return { ...this.result, operation: this.operation, firstSegmentId: first, preview: { summary: structureSummaryText(summary), summaryValues: summary, before, after, blockers } };
  }

  // ---- operations -------------------------------------------------------------------------

  private apply(): string {
    const op = this.operation;
    switch (op.type) {
      case 'splitSegment':
        return this.splitSegment(op);
      case 'mergeSegments':
        return this.mergeSegments(op);
      case 'makeHeading':
        return this.makeHeading(op);
      case 'makeSentence':
        return this.makeSentence(op);
      case 'makeFootnote':
        return this.makeFootnote(op);
      case 'splitParagraph':
        return this.splitParagraph(op);
      case 'joinParagraphs':
        return this.joinParagraphs(op);
    }
  }

  private splitSegment(op: Extract<StructuralOperation, { type: 'splitSegment' }>): string {
    const segment = this.textSegment(op.segmentId);
    const source = this.sourceOf(segment);
    if (source.revisionId !== op.baseRevisionId) throw new Refusal('CONFLICT', 'textChangedSinceChosen');
    const { text } = source;
    if (op.offset >= text.length) throw new Refusal('INVALID_INPUT', 'cutOutsideText');
    if (!isCutPoint(text, op.offset)) throw new Refusal('INVALID_INPUT', 'cutInsideWord');
    const firstPart = text.slice(0, op.offset).trimEnd();
    const secondStart = op.offset + (text.slice(op.offset).length - text.slice(op.offset).trimStart().length);
    const secondPart = text.slice(secondStart).trimEnd();
    if (!firstPart.trim() || !secondPart.trim()) throw new Refusal('INVALID_INPUT', 'emptyPart');

    const ref = this.newRef();
    const orderKey = keyBetween(segment.orderKey, segment.nextKey);
    this.result.creates.push({ ref, kind: segment.kind, level: segment.level, label: null, style: 'PROSE', speaker: null, parentRef: segment.parentId, orderKey, chunk: segment.chunk });
    // Emphasis is cut with the text (named only when the text has some).
    const emphasis = source.emphasis ?? [];
    const firstEmphasis = emphasis.length > 0 ? { emphasis: sliceEmphasis(emphasis, 0, firstPart.length) } : {};
    const secondEmphasis = emphasis.length > 0 ? { emphasis: sliceEmphasis(emphasis, secondStart, secondStart + secondPart.length) } : {};
    this.result.texts.push({ segmentRef: segment.id, language: this.sourceLanguage, text: firstPart, expectedRevisionId: source.revisionId, sourceRevision: null, ...firstEmphasis });
    this.result.texts.push({ segmentRef: ref, language: this.sourceLanguage, text: secondPart, expectedRevisionId: null, sourceRevision: null, ...secondEmphasis });
    this.base(segment.id, this.sourceLanguage, source.revisionId);
    for (const anchor of segment.anchors) {
      if (anchor.charOffset >= op.offset) this.moveMark('anchor', anchor.id, ref, Math.max(0, anchor.charOffset - secondStart));
      else if (anchor.charOffset > firstPart.length) this.moveMark('anchor', anchor.id, segment.id, firstPart.length);
    }
    for (const note of segment.refs) {
      if (note.charOffset >= secondStart && note.charOffset > firstPart.length) this.moveMark('ref', note.id, ref, note.charOffset - secondStart);
      else if (note.charOffset > firstPart.length) this.moveMark('ref', note.id, segment.id, firstPart.length);
    }
    this.block([segment]);

    const state = this.state(segment.id);
    state.text = firstPart;
    state.change = 'changed';
    state.mark = { from: firstPart.length, to: firstPart.length };
    this.beforeMarks.set(segment.id, { from: op.offset, to: secondStart });
    const created: RowState = { id: null, ref, kind: segment.kind, level: segment.level, label: null, paragraph: segment.parentId, orderKey, text: secondPart, mark: { from: 0, to: 0 }, translations: new Map(), change: 'created' };
    for (const language of this.languages) {
      const own = segment.translations[language];
      const isCovered = own !== undefined && (own.text !== null || own.continuesPrevious);
      if (isCovered) this.result.groupings.push({ segmentRef: ref, language });
      created.translations.set(language, { text: '', continuesPrevious: isCovered, toCheck: false });
      if (own?.text != null) this.translationOf(state, language).toCheck = true;
    }
    this.after.set(ref, created);
    this.summary = { type: 'splitSegment', kind: summaryKind(segment.kind), before: excerptEnd(firstPart), after: excerptStart(secondPart) };
    return segment.id;
  }

  private mergeSegments(op: Extract<StructuralOperation, { type: 'mergeSegments' }>): string {
    const first = this.textSegment(op.segmentId);
    const second = this.textSegment(op.nextSegmentId);
    if (first.id === second.id) throw new Refusal('INVALID_INPUT', 'sameSegmentTwice');
    if (first.kind !== second.kind) throw new Refusal('INVALID_INPUT', 'kindsDiffer', { first: kindName(first.kind), second: kindName(second.kind) });
    if (first.parentId !== second.parentId) throw new Refusal('INVALID_INPUT', 'differentParagraphs');
    if (this.nextTextRow(first)?.id !== second.id) throw new Refusal('INVALID_INPUT', 'notNextSegment');
    const a = this.sourceOf(first);
    const b = this.sourceOf(second);
    const firstText = a.text.trimEnd();
    const secondLead = b.text.length - b.text.trimStart().length;
    const secondText = b.text.trim();
    const joined = joinTexts(firstText, secondText);
    const shift = firstText ? firstText.length + 1 : 0;

    // The emphasis of both, joined with the texts (named only when they have some).
    const emphasis = [...sliceEmphasis(a.emphasis ?? [], 0, firstText.length), ...sliceEmphasis(b.emphasis ?? [], secondLead, secondLead + secondText.length, shift)];
    this.result.texts.push({ segmentRef: first.id, language: this.sourceLanguage, text: joined, expectedRevisionId: a.revisionId, sourceRevision: null, ...(emphasis.length > 0 ? { emphasis } : {}) });
    this.base(first.id, this.sourceLanguage, a.revisionId);
    this.base(second.id, this.sourceLanguage, b.revisionId);
    this.result.retires.push({ segmentId: second.id, replacedByRef: first.id });
    this.result.discussionMoves.push({ from: second.id, to: first.id });
    for (const anchor of first.anchors) if (anchor.charOffset > firstText.length) this.moveMark('anchor', anchor.id, first.id, firstText.length);
    for (const note of first.refs) if (note.charOffset > firstText.length) this.moveMark('ref', note.id, first.id, firstText.length);
    for (const anchor of second.anchors) this.moveMark('anchor', anchor.id, first.id, shift + Math.max(0, anchor.charOffset - secondLead));
    for (const note of second.refs) this.moveMark('ref', note.id, first.id, shift + Math.max(0, note.charOffset - secondLead));
    for (const refId of second.referrers) this.result.noteMoves.push({ refId, footnoteRef: first.id });
    this.block([first, second]);

    const state = this.state(first.id);
    state.text = joined;
    state.change = 'changed';
    state.mark = firstText && secondText ? { from: firstText.length, to: firstText.length + 1 } : null;
    const retired = this.state(second.id);
    retired.change = 'retired';

    for (const language of this.languages) {
      const ownA = first.translations[language];
      const ownB = second.translations[language];
      this.base(first.id, language, ownA?.revisionId ?? null);
      this.base(second.id, language, ownB?.revisionId ?? null);
      const view = this.translationOf(state, language);
      if (ownB?.continuesPrevious) {
        // The first segment's text (or its group's) already covers both.
        if (ownA?.text != null && isFresh(first, ownA)) this.result.confirmations.push({ segmentRef: first.id, language });
        else if (ownA?.text != null) view.toCheck = true;
        continue;
      }
      const secondWords = ownB?.text ?? null;
      if (secondWords === null) {
        if (ownA?.text != null) view.toCheck = true;
        continue;
      }
      if (ownA?.continuesPrevious) {
        const head = this.snapshot.groupHeads[language];
        if (!head) throw new Refusal('CONFLICT', 'groupHeadMissing', { language });
        this.base(head.segmentId, language, head.revisionId);
        const text = joinTexts(head.text ?? '', secondWords);
        // The head's source text does not change: its translation is marked stale by recording no source revision.
        this.result.texts.push({ segmentRef: head.segmentId, language, text, expectedRevisionId: head.revisionId, sourceRevision: 'unset' });
        const headState = this.after.get(head.segmentId);
        if (headState) {
          const headView = this.translationOf(headState, language);
          headView.text = text;
          headView.toCheck = true;
          if (headState.change === 'kept') headState.change = 'changed';
        }
        continue;
      }
      const text = joinTexts(ownA?.text ?? '', secondWords);
      const isCurrent = ownA?.text != null && isFresh(first, ownA) && isFresh(second, ownB as SnapshotTranslation);
      this.result.texts.push({ segmentRef: first.id, language, text, expectedRevisionId: ownA?.revisionId ?? null, sourceRevision: isCurrent ? 'new' : 'keep' });
      view.text = text;
      view.toCheck = !isCurrent;
    }
    this.summary = { type: 'mergeSegments', kind: summaryKind(first.kind), before: excerptEnd(firstText), after: excerptStart(secondText) };
    return first.id;
  }

  private makeHeading(op: Extract<StructuralOperation, { type: 'makeHeading' }>): string {
    const segment = this.textSegment(op.segmentId);
    if (segment.kind !== 'SENTENCE') throw new Refusal('INVALID_INPUT', 'onlySentenceToHeading', { kind: kindName(segment.kind) });
    this.assertNotGrouped(segment, 'heading');
    const source = this.sourceOf(segment);
    this.base(segment.id, this.sourceLanguage, source.revisionId);
    this.cutParagraphAround(segment);
    this.result.updates.push({ segmentId: segment.id, kind: 'HEADING', level: op.level, label: null, parentRef: null });
    const state = this.state(segment.id);
    Object.assign(state, { kind: 'HEADING', level: op.level, label: null, paragraph: null, change: 'changed' });
    this.summary = { type: 'makeHeading', excerpt: excerptStart(source.text), level: op.level };
    return segment.id;
  }

  private makeSentence(op: Extract<StructuralOperation, { type: 'makeSentence' }>): string {
    const heading = this.textSegment(op.segmentId);
    if (heading.kind !== 'HEADING') throw new Refusal('INVALID_INPUT', 'onlyHeadingToSentence', { kind: kindName(heading.kind) });
    const source = this.sourceOf(heading);
    this.base(heading.id, this.sourceLanguage, source.revisionId);
    const ref = this.newRef();
    const orderKey = keyBetween(heading.prevKey, heading.orderKey);
    this.result.creates.push({ ref, kind: 'PARAGRAPH', level: 0, label: null, style: 'PROSE', speaker: null, parentRef: null, orderKey, chunk: heading.chunk });
    this.result.updates.push({ segmentId: heading.id, kind: 'SENTENCE', level: 0, label: null, parentRef: ref });
    this.after.set(ref, paragraphState(ref, orderKey, 'created'));
    Object.assign(this.state(heading.id), { kind: 'SENTENCE', level: 0, label: null, paragraph: ref, change: 'changed' });
    this.summary = { type: 'makeSentence', excerpt: excerptStart(source.text) };
    return heading.id;
  }

  private makeFootnote(op: Extract<StructuralOperation, { type: 'makeFootnote' }>): string {
    const segment = this.textSegment(op.segmentId);
    if (segment.kind !== 'SENTENCE') throw new Refusal('INVALID_INPUT', 'onlySentenceToFootnote', { kind: kindName(segment.kind) });
    const referrer = this.textSegment(op.refSegmentId);
    if (referrer.id === segment.id) throw new Refusal('INVALID_INPUT', 'footnoteCallsItself');
    const refSource = this.sourceOf(referrer);
    if (op.refOffset > refSource.text.length) throw new Refusal('INVALID_INPUT', 'referenceOutsideText');
    this.assertNotGrouped(segment, 'footnote');
    const source = this.sourceOf(segment);
    this.base(segment.id, this.sourceLanguage, source.revisionId);
    this.base(referrer.id, this.sourceLanguage, refSource.revisionId);
    const label = op.label.trim();

    const place = this.notePlace({ orderKey: referrer.orderKey, charOffset: op.refOffset });
    const update: PlannedUpdate = { segmentId: segment.id, kind: 'FOOTNOTE', level: 0, label, parentRef: null };
    if (place) {
      // The work keeps its notes together: the sentence joins them, and its paragraph closes up.
      update.orderKey = keyBetween(place.after, place.before);
      const paragraph = segment.parentId ? this.snapshot.named[segment.parentId] : undefined;
      if (paragraph && this.childrenOf(paragraph.id).every((child) => child.id === segment.id)) this.retire(paragraph.id, segment.id);
    } else {
      // Notes stand where they were printed (as an import stores them): the paragraph is cut around it.
      this.cutParagraphAround(segment);
    }
    this.result.updates.push(update);
    this.result.newRefs.push({ segmentId: referrer.id, footnoteRef: segment.id, label, charOffset: op.refOffset });
    const state = this.state(segment.id);
    Object.assign(state, { kind: 'FOOTNOTE', level: 0, label, paragraph: null, change: 'changed', orderKey: update.orderKey ?? state.orderKey });
    const referring = this.after.get(referrer.id);
    if (referring) {
      referring.mark = { from: op.refOffset, to: op.refOffset };
      if (referring.change === 'kept') referring.change = 'changed';
    }
    this.summary = { type: 'makeFootnote', excerpt: excerptStart(source.text), label };
    return segment.id;
  }

  private splitParagraph(op: Extract<StructuralOperation, { type: 'splitParagraph' }>): string {
    const paragraph = this.paragraph(op.paragraphId);
    const sentence = this.textSegment(op.beforeSegmentId);
    if (sentence.parentId !== paragraph.id) throw new Refusal('INVALID_INPUT', 'sentenceNotInParagraph');
    const children = this.childrenOf(paragraph.id);
    const index = children.findIndex((child) => child.id === sentence.id);
    if (index <= 0) throw new Refusal('INVALID_INPUT', 'cutBeforeFirst');
    const ref = this.newRef();
    const orderKey = keyBetween(sentence.prevKey, sentence.orderKey);
    this.result.creates.push({ ref, kind: 'PARAGRAPH', level: paragraph.level, label: null, style: paragraph.style, speaker: paragraph.speaker, parentRef: null, orderKey, chunk: sentence.chunk });
    this.after.set(ref, paragraphState(ref, orderKey, 'created'));
    for (const child of children.slice(index)) this.reparent(child.id, ref);
    this.summary = { type: 'splitParagraph', excerpt: excerptStart(this.sourceOf(sentence).text) };
    return sentence.id;
  }

  private joinParagraphs(op: Extract<StructuralOperation, { type: 'joinParagraphs' }>): string {
    const first = this.paragraph(op.paragraphId);
    const second = this.paragraph(op.nextParagraphId);
    if (first.id === second.id) throw new Refusal('INVALID_INPUT', 'sameParagraphTwice');
    const firstChildren = this.childrenOf(first.id);
    const secondChildren = this.childrenOf(second.id);
    const last = firstChildren.at(-1);
    if (!last || secondChildren.length === 0) throw new Refusal('INVALID_INPUT', 'emptyParagraph');
    const rows = this.snapshot.rows;
    if (rows[rows.findIndex((row) => row.id === last.id) + 1]?.id !== second.id) throw new Refusal('INVALID_INPUT', 'notNextParagraph');
    for (const child of secondChildren) this.reparent(child.id, first.id);
    this.retire(second.id, first.id);
    this.summary = { type: 'joinParagraphs', excerpt: excerptEnd(this.sourceOf(last).text) };
    return secondChildren[0]?.id as string;
  }

  // ---- shared steps -----------------------------------------------------------------------

  /**
   * Takes `segment` out of its paragraph where it stands: the sentences before it stay, those
   * after it go into a new paragraph of the same layout right after it, and a paragraph left with
   * no sentence is retired (replaced by what follows it).
   */
  private cutParagraphAround(segment: SnapshotSegment): void {
    if (!segment.parentId) return;
    const paragraph = this.snapshot.named[segment.parentId] ?? this.snapshot.rows.find((row) => row.id === segment.parentId);
    if (!paragraph) throw new Refusal('CONFLICT', 'paragraphMissing');
    const children = this.childrenOf(paragraph.id);
    const index = children.findIndex((child) => child.id === segment.id);
    const before = children.slice(0, index);
    const after = children.slice(index + 1);
    let newParagraph: string | null = null;
    if (after.length > 0) {
      newParagraph = this.newRef();
      const orderKey = keyBetween(segment.orderKey, segment.nextKey);
      this.result.creates.push({ ref: newParagraph, kind: 'PARAGRAPH', level: paragraph.level, label: null, style: paragraph.style, speaker: paragraph.speaker, parentRef: null, orderKey, chunk: segment.chunk });
      this.after.set(newParagraph, paragraphState(newParagraph, orderKey, 'created'));
      for (const child of after) this.reparent(child.id, newParagraph);
    }
    if (before.length === 0) this.retire(paragraph.id, newParagraph ?? segment.id);
  }

  /**
   * Where a new note goes among the work's notes (kept in the order they are referred to): after
   * the last note referred to before the new reference, else before the first note. Null when the
   * work keeps no notes: the note then stays where it stands.
   */
  private notePlace(reference: { orderKey: string; charOffset: number }): { after: string | null; before: string | null } | null {
    const notes = this.snapshot.notes;
    if (notes.length === 0) return null;
    const isBefore = (ref: { orderKey: string; charOffset: number }) => ref.orderKey < reference.orderKey || (ref.orderKey === reference.orderKey && ref.charOffset <= reference.charOffset);
    let afterIndex = -1;
    notes.forEach((note, index) => {
      if (note.firstRef && isBefore(note.firstRef)) afterIndex = index;
    });
    if (afterIndex >= 0) {
      const note = notes[afterIndex] as (typeof notes)[number];
      return { after: note.orderKey, before: note.nextKey };
    }
    const firstNote = notes[0] as (typeof notes)[number];
    return { after: firstNote.prevKey, before: firstNote.orderKey };
  }

  private assertNotGrouped(segment: SnapshotSegment, becomes: 'heading' | 'footnote'): void {
    const next = this.nextTextRow(segment);
    for (const language of this.languages) {
      if (segment.translations[language]?.continuesPrevious) {
        throw new Refusal('INVALID_INPUT', 'sharedWithPrevious', { language, becomes });
      }
      if (next?.translations[language]?.continuesPrevious) {
        throw new Refusal('INVALID_INPUT', 'coversNext', { language, becomes });
      }
    }
  }

  private reparent(segmentId: string, parentRef: string): void {
    this.result.updates.push({ segmentId, parentRef });
    const state = this.state(segmentId);
    state.paragraph = parentRef;
    state.change = 'changed';
  }

  private retire(segmentId: string, replacedByRef: string): void {
    this.result.retires.push({ segmentId, replacedByRef });
    const state = this.after.get(segmentId);
    if (state) state.change = 'retired';
  }

  private moveMark(table: 'anchor' | 'ref', id: string, segmentRef: string, charOffset: number): void {
    this.result.markMoves.push({ table, id, segmentRef, charOffset });
  }

  private base(segmentId: string, language: string, revisionId: string | null): void {
    if (!this.result.bases.some((base) => base.segmentId === segmentId && base.language === language)) this.result.bases.push({ segmentId, language, revisionId });
  }

  private block(segments: readonly SnapshotSegment[]): void {
    for (const segment of segments) {
      if (segment.openSuggestionIds.length === 0) continue;
      this.result.blocking.segmentIds.push(segment.id);
      this.result.blocking.suggestionIds.push(...segment.openSuggestionIds);
    }
  }

  // ---- lookups ----------------------------------------------------------------------------

  private get sourceLanguage(): string {
    return this.snapshot.work.sourceLanguage;
  }

  private get languages(): string[] {
    return this.snapshot.work.languages;
  }

  private named(id: string): SnapshotSegment {
    const segment = this.snapshot.named[id];
    if (!segment) throw new Refusal('NOT_FOUND', 'segmentNotInWork');
    if (segment.isRetired) throw new Refusal('CONFLICT', 'segmentRetired');
    return segment;
  }

  private textSegment(id: string): SnapshotSegment {
    const segment = this.named(id);
    if (segment.kind === 'PARAGRAPH') throw new Refusal('INVALID_INPUT', 'paragraphChosen');
    return segment;
  }

  private paragraph(id: string): SnapshotSegment {
    const segment = this.named(id);
    if (segment.kind !== 'PARAGRAPH') throw new Refusal('INVALID_INPUT', 'notAParagraph', { kind: kindName(segment.kind) });
    return segment;
  }

  private sourceOf(segment: SnapshotSegment): NonNullable<SnapshotSegment['source']> {
    if (!segment.source) throw new Refusal('INVALID_INPUT', 'noText');
    return segment.source;
  }

  /** The live sentences of a paragraph, in order (the snapshot holds every one of a paragraph it concerns). */
  private childrenOf(paragraphId: string): SnapshotSegment[] {
    return this.snapshot.rows.filter((row) => row.parentId === paragraphId);
  }

  private nextTextRow(segment: SnapshotSegment): SnapshotSegment | undefined {
    const rows = this.snapshot.rows;
    const index = rows.findIndex((row) => row.id === segment.id);
    return index < 0 ? undefined : rows.slice(index + 1).find((row) => row.kind !== 'PARAGRAPH');
  }

  private state(id: string): RowState {
    const state = this.after.get(id);
    if (state) return state;
    const segment = this.snapshot.named[id];
    if (!segment) throw new Refusal('NOT_FOUND', 'segmentNotInWork');
    const added = this.stateOf(segment);
    this.after.set(id, added);
    return added;
  }

  private translationOf(state: RowState, language: string): { text: string; continuesPrevious: boolean; toCheck: boolean } {
    const existing = state.translations.get(language);
    if (existing) return existing;
    const added = { text: '', continuesPrevious: false, toCheck: false };
    state.translations.set(language, added);
    return added;
  }

  private newRef(): string {
    this.created += 1;
    return `new-${this.created}`;
  }

  private stateOf(row: SnapshotSegment): RowState {
    const translations = new Map<string, { text: string; continuesPrevious: boolean; toCheck: boolean }>();
    if (row.kind !== 'PARAGRAPH') {
      for (const language of this.snapshot.work.languages) {
        const own = row.translations[language];
        translations.set(language, { text: own?.text ?? '', continuesPrevious: own?.continuesPrevious ?? false, toCheck: false });
      }
    }
    return {
      id: row.id,
      ref: row.id,
      kind: row.kind,
      level: row.level,
      label: row.label,
      paragraph: row.kind === 'SENTENCE' ? row.parentId : null,
      orderKey: row.orderKey,
      text: row.source?.text ?? '',
      mark: null,
      translations,
      change: 'kept',
    };
  }

  private previewRow(state: RowState, mark: { from: number; to: number } | null): StructureRow {
    return {
      id: state.id,
      kind: state.kind,
      level: state.level,
      label: state.label,
      paragraph: state.kind === 'SENTENCE' ? state.paragraph : null,
      text: state.text,
      mark,
      translations: state.kind === 'PARAGRAPH' ? [] : this.languages.map((language) => ({ language, ...(state.translations.get(language) ?? { text: '', continuesPrevious: false, toCheck: false }) })),
      change: state.change,
    };
  }
}

function paragraphState(ref: string, orderKey: string, change: StructureRow['change']): RowState {
  return { id: null, ref, kind: 'PARAGRAPH', level: 0, label: null, paragraph: null, orderKey, text: '', mark: null, translations: new Map(), change };
}

/**
 * Whether a text may be cut at `offset`: next to whitespace (between words), or right after the
 * end of a sentence (its final mark, or a quotation mark or bracket closing after it) glued to
 * the next one, which does not begin with a small letter or a digit (not "e.g" or "3.5").
 */
export function isCutPoint(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charAt(offset - 1);
  const after = text.charAt(offset);
  if (BLANK.test(before) || BLANK.test(after)) return true;
  if (NO_SENTENCE_START.test(after)) return false;
  if (SENTENCE_END.test(before)) return true;
  return CLOSING.test(before) && SENTENCE_END.test(text.charAt(offset - 2));
}

/** A translation made or confirmed against its segment's current source text. */
function isFresh(segment: SnapshotSegment, translation: SnapshotTranslation): boolean {
  return translation.text !== null && segment.source !== null && translation.sourceRevisionId === segment.source.revisionId;
}

function joinTexts(first: string, second: string): string {
  const a = first.trimEnd();
  const b = second.trimStart();
  return a && b ? `${a} ${b}` : a || b;
}

function kindName(kind: SegmentKindName): string {
  return kind.toLowerCase();
}

/** A text-bearing segment's kind, as a summary names it. */
function summaryKind(kind: SegmentKindName): SummaryKind {
  return kind === 'HEADING' ? 'heading' : kind === 'FOOTNOTE' ? 'footnote' : 'sentence';
}

/** The start of a text on one line, cut with an ellipsis. */
function excerptStart(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : line;
}

/** The end of a text on one line, cut with an ellipsis. */
function excerptEnd(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > EXCERPT_CHARS ? `…${line.slice(line.length - EXCERPT_CHARS + 1).trimStart()}` : line;
}

import { describe, expect, it } from 'vitest';

import { keysBetween } from '../../../lib/segment/order-key';
import { isCutPoint, planStructuralEdit, type StructurePlan } from '../../../lib/structure/plan-structural-edit';
import type { StructuralOperation } from '../../../lib/structure/structural-operation';
import type { SnapshotSegment, SnapshotTranslation, StructureSnapshot } from '../../../lib/structure/structure-snapshot';

/** A row of a made-up work: a segment, its source text and its French text. */
interface Spec {
  id: string;
  kind: SnapshotSegment['kind'];
  parent?: string;
  text?: string;
  fr?: Partial<SnapshotTranslation> & { text?: string | null };
  level?: number;
  label?: string;
  retired?: boolean;
  anchors?: { id: string; charOffset: number }[];
  refs?: { id: string; charOffset: number; footnoteId?: string }[];
  referrers?: string[];
  open?: string[];
  style?: SnapshotSegment['style'];
}

/**
 * A snapshot of specs in reading order: keys from the order-key module, neighbour keys from the
 * whole list (retired rows hold keys too), rows = the live ones.
 */
function snapshotOf(specs: readonly Spec[], extra: Partial<StructureSnapshot> = {}): StructureSnapshot {
  const keys = keysBetween(null, null, specs.length);
  const segments = specs.map((spec, index): SnapshotSegment => ({
    id: spec.id,
    kind: spec.kind,
    level: spec.level ?? 0,
    label: spec.label ?? null,
    style: spec.style ?? 'PROSE',
    speaker: null,
    parentId: spec.parent ?? null,
    orderKey: keys[index] as string,
    chunk: 0,
    prevKey: keys[index - 1] ?? null,
    nextKey: keys[index + 1] ?? null,
    isRetired: spec.retired ?? false,
    source: spec.kind === 'PARAGRAPH' ? null : { text: spec.text ?? '', revisionId: `rev-${spec.id}` },
    translations: spec.fr ? { fr: { text: null, revisionId: spec.fr.text ? `fr-${spec.id}` : null, continuesPrevious: false, sourceRevisionId: `rev-${spec.id}`, ...spec.fr } } : {},
    anchors: (spec.anchors ?? []).map((anchor) => ({ ...anchor, label: anchor.id })),
    refs: (spec.refs ?? []).map((ref) => ({ ...ref, label: ref.id, footnoteId: ref.footnoteId ?? 'note' })),
    referrers: spec.referrers ?? [],
    openSuggestionIds: spec.open ?? [],
  }));
  return {
    work: { id: 'work', sourceLanguage: 'en', languages: ['fr'] },
    rows: segments.filter((segment) => !segment.isRetired),
    named: Object.fromEntries(segments.map((segment) => [segment.id, segment])),
    notes: [],
    groupHeads: {},
    ...extra,
  };
}

function planOf(snapshot: StructureSnapshot, operation: StructuralOperation): StructurePlan {
  const outcome = planStructuralEdit(snapshot, operation);
  if (!outcome.ok) throw new Error(`refused: ${outcome.code} ${outcome.message}`);
  return outcome.plan;
}

function refusalOf(snapshot: StructureSnapshot, operation: StructuralOperation): { code: string; message: string } {
  const outcome = planStructuralEdit(snapshot, operation);
  if (outcome.ok) throw new Error('planned, expected a refusal');
  return { code: outcome.code, message: outcome.message };
}

const keyOf = (snapshot: StructureSnapshot, id: string) => snapshot.named[id]?.orderKey as string;

/** A heading, a paragraph of three sentences, a paragraph of one. */
const WORK: Spec[] = [
  { id: 'h', kind: 'HEADING', text: 'Chapter One', level: 1, fr: { text: 'Chapitre un' } },
  { id: 'p1', kind: 'PARAGRAPH' },
  { id: 's1', kind: 'SENTENCE', parent: 'p1', text: 'The first sentence. The second one.', fr: { text: 'La première phrase. La deuxième.' }, anchors: [{ id: 'page-2', charOffset: 24 }, { id: 'page-1', charOffset: 4 }], refs: [{ id: 'ref-end', charOffset: 19 }, { id: 'ref-later', charOffset: 35 }] },
  { id: 's2', kind: 'SENTENCE', parent: 'p1', text: 'Third sentence here.', fr: { text: 'Troisième phrase.' } },
  { id: 's3', kind: 'SENTENCE', parent: 'p1', text: 'Fourth.', fr: { text: 'Quatrième.' } },
  { id: 'p2', kind: 'PARAGRAPH' },
  { id: 's4', kind: 'SENTENCE', parent: 'p2', text: 'Fifth sentence.', fr: { text: 'Cinquième.' } },
];

describe('cut points', () => {
  it('accepts a cut at a space or right after the end of a sentence, not inside a word', () => {
    expect(isCutPoint('One two', 3)).toBe(true);
    expect(isCutPoint('One two', 4)).toBe(true);
    expect(isCutPoint('One two', 2)).toBe(false);
    expect(isCutPoint('End.Next', 4)).toBe(true);
    expect(isCutPoint('He said “Stop!”Then', 15)).toBe(true);
    expect(isCutPoint('A 3.5 kg', 2)).toBe(true);
    expect(isCutPoint('A 3.5 kg', 4)).toBe(false);
    expect(isCutPoint('e.g. this', 2)).toBe(false);
    expect(isCutPoint('e.g', 1)).toBe(false);
    expect(isCutPoint('One two', 0)).toBe(false);
    expect(isCutPoint('One two', 7)).toBe(false);
  });
});

describe('splitting a segment', () => {
  const split = (offset: number, base = 'rev-s1'): StructuralOperation => ({ type: 'splitSegment', segmentId: 's1', baseRevisionId: base, offset });

  it('keeps the first part on the segment and creates the second right after it, in the same paragraph', () => {
    const snapshot = snapshotOf(WORK);
    const plan = planOf(snapshot, split(19));
    expect(plan.firstSegmentId).toBe('s1');
    expect(plan.creates).toEqual([expect.objectContaining({ ref: 'new-1', kind: 'SENTENCE', parentRef: 'p1', chunk: 0 })]);
    const key = plan.creates[0]?.orderKey as string;
    expect(key > keyOf(snapshot, 's1') && key < keyOf(snapshot, 's2')).toBe(true);
    expect(plan.texts).toEqual([
      { segmentRef: 's1', language: 'en', text: 'The first sentence.', expectedRevisionId: 'rev-s1', sourceRevision: null },
      { segmentRef: 'new-1', language: 'en', text: 'The second one.', expectedRevisionId: null, sourceRevision: null },
    ]);
    expect(plan.bases).toEqual([{ segmentId: 's1', language: 'en', revisionId: 'rev-s1' }]);
    expect(plan.retires).toEqual([]);
  });

  it('leaves each translation on the first part, to check, and groups the new segment under it', () => {
    const plan = planOf(snapshotOf(WORK), split(19));
    expect(plan.groupings).toEqual([{ segmentRef: 'new-1', language: 'fr' }]);
    expect(plan.texts.some((text) => text.language === 'fr')).toBe(false);
    const first = plan.preview.after.find((row) => row.id === 's1');
    const created = plan.preview.after.find((row) => row.change === 'created');
    expect(first?.translations).toEqual([{ language: 'fr', text: 'La première phrase. La deuxième.', continuesPrevious: false, toCheck: true }]);
    expect(created?.translations).toEqual([{ language: 'fr', text: '', continuesPrevious: true, toCheck: false }]);
    expect(created).toMatchObject({ id: null, kind: 'SENTENCE', paragraph: 'p1', text: 'The second one.' });
  });

  it('groups the new segment where the first is itself part of a group, and not where it has no translation', () => {
    const grouped = snapshotOf(WORK.map((spec) => (spec.id === 's1' ? { ...spec, fr: { text: null, continuesPrevious: true } } : spec)));
    expect(planOf(grouped, split(19)).groupings).toEqual([{ segmentRef: 'new-1', language: 'fr' }]);
    const untranslated = snapshotOf(WORK.map((spec) => (spec.id === 's1' ? { ...spec, fr: undefined } : spec)));
    expect(planOf(untranslated, split(19)).groupings).toEqual([]);
  });

  it('moves page anchors at or after the cut and footnote references after it to the new segment, with shifted offsets', () => {
    const plan = planOf(snapshotOf(WORK), split(19));
    // "The first sentence." is 19 characters; the second part starts at 20.
    expect(plan.markMoves).toEqual([
      { table: 'anchor', id: 'page-2', segmentRef: 'new-1', charOffset: 4 },
      { table: 'ref', id: 'ref-later', segmentRef: 'new-1', charOffset: 15 },
    ]);
    // A reference at the end of the first part stays there; an anchor before the cut too.
    expect(plan.markMoves.map((move) => move.id)).not.toContain('ref-end');
    expect(plan.markMoves.map((move) => move.id)).not.toContain('page-1');
  });

  it('moves an anchor standing on the cut itself', () => {
    const snapshot = snapshotOf(WORK.map((spec) => (spec.id === 's1' ? { ...spec, anchors: [{ id: 'on-cut', charOffset: 19 }], refs: [] } : spec)));
    expect(planOf(snapshot, split(19)).markMoves).toEqual([{ table: 'anchor', id: 'on-cut', segmentRef: 'new-1', charOffset: 0 }]);
  });

  it('takes a key below a retired segment lying between the two', () => {
    const snapshot = snapshotOf([...WORK.slice(0, 3), { id: 'gone', kind: 'SENTENCE', parent: 'p1', text: 'Gone.', retired: true }, ...WORK.slice(3)]);
    const key = planOf(snapshot, split(19)).creates[0]?.orderKey as string;
    expect(key > keyOf(snapshot, 's1') && key < keyOf(snapshot, 'gone')).toBe(true);
  });

  it('refuses a cut inside a word, at the ends, leaving an empty part, on a changed text, a paragraph or a retired segment', () => {
    const snapshot = snapshotOf(WORK);
    expect(refusalOf(snapshot, split(6))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/inside a word/) });
    expect(refusalOf(snapshot, split(35)).code).toBe('INVALID_INPUT');
    expect(refusalOf(snapshot, split(19, 'rev-older'))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/changed/) });
    expect(refusalOf(snapshotOf([{ id: 'p', kind: 'PARAGRAPH' }, { id: 's1', kind: 'SENTENCE', parent: 'p', text: ' Word' }]), split(1)).message).toMatch(/Both parts/);
    expect(refusalOf(snapshot, { type: 'splitSegment', segmentId: 'p1', baseRevisionId: 'rev-p1', offset: 1 }).code).toBe('INVALID_INPUT');
    const retired = snapshotOf(WORK.map((spec) => (spec.id === 's1' ? { ...spec, retired: true } : spec)));
    expect(refusalOf(retired, split(19)).code).toBe('CONFLICT');
    expect(refusalOf(snapshot, { type: 'splitSegment', segmentId: 'nowhere', baseRevisionId: 'rev', offset: 1 }).code).toBe('NOT_FOUND');
  });

  it('is blocked by text suggestions waiting on the segment', () => {
    const snapshot = snapshotOf(WORK.map((spec) => (spec.id === 's1' ? { ...spec, open: ['sug-1', 'sug-2'] } : spec)));
    const plan = planOf(snapshot, split(19));
    expect(plan.blocking).toEqual({ segmentIds: ['s1'], suggestionIds: ['sug-1', 'sug-2'] });
    expect(plan.preview.blockers).toEqual([{ reason: 'openSuggestions', count: 2 }]);
  });

  it('summarises and previews the cut', () => {
    const plan = planOf(snapshotOf(WORK), split(19));
    expect(plan.preview.summary).toBe('Split the sentence “The first sentence.” | “The second one.”');
    expect(plan.preview.before.find((row) => row.id === 's1')).toMatchObject({ change: 'kept', mark: { from: 19, to: 20 } });
    expect(plan.preview.after.map((row) => [row.id, row.change])).toEqual([
      ['h', 'kept'], ['p1', 'kept'], ['s1', 'changed'], [null, 'created'], ['s2', 'kept'], ['s3', 'kept'], ['p2', 'kept'], ['s4', 'kept'],
    ]);
  });
});

describe('merging segments', () => {
  const merge = (segmentId = 's2', nextSegmentId = 's3'): StructuralOperation => ({ type: 'mergeSegments', segmentId, nextSegmentId });

  it('joins the source texts on the first, retires the second in its favour and moves what was on it', () => {
    const snapshot = snapshotOf(WORK.map((spec) => (spec.id === 's3' ? { ...spec, anchors: [{ id: 'page-9', charOffset: 0 }], refs: [{ id: 'ref-9', charOffset: 7 }] } : spec)));
    const plan = planOf(snapshot, merge());
    expect(plan.texts[0]).toEqual({ segmentRef: 's2', language: 'en', text: 'Third sentence here. Fourth.', expectedRevisionId: 'rev-s2', sourceRevision: null });
    expect(plan.retires).toEqual([{ segmentId: 's3', replacedByRef: 's2' }]);
    expect(plan.discussionMoves).toEqual([{ from: 's3', to: 's2' }]);
    expect(plan.markMoves).toEqual([
      { table: 'anchor', id: 'page-9', segmentRef: 's2', charOffset: 21 },
      { table: 'ref', id: 'ref-9', segmentRef: 's2', charOffset: 28 },
    ]);
    expect(plan.bases).toEqual(expect.arrayContaining([{ segmentId: 's2', language: 'en', revisionId: 'rev-s2' }, { segmentId: 's3', language: 'en', revisionId: 'rev-s3' }, { segmentId: 's3', language: 'fr', revisionId: 'fr-s3' }]));
    expect(plan.preview.after.find((row) => row.id === 's3')?.change).toBe('retired');
    expect(plan.preview.after.find((row) => row.id === 's2')).toMatchObject({ text: 'Third sentence here. Fourth.', mark: { from: 20, to: 21 }, change: 'changed' });
  });

  it('joins two current translations as a current one, and marks the result to check when either part was stale', () => {
    const current = planOf(snapshotOf(WORK), merge());
    expect(current.texts[1]).toEqual({ segmentRef: 's2', language: 'fr', text: 'Troisième phrase. Quatrième.', expectedRevisionId: 'fr-s2', sourceRevision: 'new' });
    const stale = planOf(snapshotOf(WORK.map((spec) => (spec.id === 's3' ? { ...spec, fr: { text: 'Quatrième.', sourceRevisionId: 'rev-older' } } : spec))), merge());
    expect(stale.texts[1]).toMatchObject({ text: 'Troisième phrase. Quatrième.', sourceRevision: 'keep' });
    expect(stale.preview.after.find((row) => row.id === 's2')?.translations[0]?.toCheck).toBe(true);
  });

  it('writes no translation when the second was already covered by the first, and confirms the first against the new source', () => {
    const snapshot = snapshotOf(WORK.map((spec) => (spec.id === 's3' ? { ...spec, fr: { text: null, continuesPrevious: true } } : spec)));
    const plan = planOf(snapshot, merge());
    expect(plan.texts.filter((text) => text.language === 'fr')).toEqual([]);
    expect(plan.confirmations).toEqual([{ segmentRef: 's2', language: 'fr' }]);
  });

  it('takes whichever translation exists when only one does', () => {
    const onlySecond = planOf(snapshotOf(WORK.map((spec) => (spec.id === 's2' ? { ...spec, fr: undefined } : spec))), merge());
    expect(onlySecond.texts[1]).toMatchObject({ segmentRef: 's2', language: 'fr', text: 'Quatrième.', expectedRevisionId: null, sourceRevision: 'keep' });
    const onlyFirst = planOf(snapshotOf(WORK.map((spec) => (spec.id === 's3' ? { ...spec, fr: undefined } : spec))), merge());
    expect(onlyFirst.texts.filter((text) => text.language === 'fr')).toEqual([]);
    expect(onlyFirst.preview.after.find((row) => row.id === 's2')?.translations[0]).toMatchObject({ text: 'Troisième phrase.', toCheck: true });
  });

  it('adds the second translation to its group’s first segment when the first belongs to an earlier group', () => {
    const specs = WORK.map((spec) => (spec.id === 's2' ? { ...spec, fr: { text: null, continuesPrevious: true } } : spec));
    const plan = planOf(snapshotOf(specs, { groupHeads: { fr: { segmentId: 's1', text: 'La première phrase. La deuxième.', revisionId: 'fr-s1' } } }), merge());
    expect(plan.texts[1]).toEqual({ segmentRef: 's1', language: 'fr', text: 'La première phrase. La deuxième. Quatrième.', expectedRevisionId: 'fr-s1', sourceRevision: 'unset' });
    expect(plan.bases).toContainEqual({ segmentId: 's1', language: 'fr', revisionId: 'fr-s1' });
  });

  it('moves references to a merged note onto the note that remains', () => {
    const notes: Spec[] = [
      { id: 'n1', kind: 'FOOTNOTE', label: '1', text: 'A note cut', fr: { text: 'Une note' } },
      { id: 'n2', kind: 'FOOTNOTE', label: '2', text: 'in two.', referrers: ['ref-to-n2'] },
    ];
    const plan = planOf(snapshotOf(notes), merge('n1', 'n2'));
    expect(plan.noteMoves).toEqual([{ refId: 'ref-to-n2', footnoteRef: 'n1' }]);
    expect(plan.texts[0]?.text).toBe('A note cut in two.');
  });

  it('refuses segments of different kinds, paragraphs or places, and ones not next to each other', () => {
    const snapshot = snapshotOf(WORK);
    expect(refusalOf(snapshot, merge('s3', 's4')).message).toMatch(/different paragraphs/);
    expect(refusalOf(snapshot, merge('s1', 's3')).message).toMatch(/right after/);
    expect(refusalOf(snapshot, merge('s3', 's2')).message).toMatch(/right after/);
    expect(refusalOf(snapshot, merge('s2', 's2')).message).toMatch(/two different/);
    expect(refusalOf(snapshotOf([{ id: 'h', kind: 'HEADING', text: 'Title' }, { id: 'n', kind: 'FOOTNOTE', text: 'Note', label: '1' }]), merge('h', 'n')).message).toMatch(/same kind/);
  });

  it('is blocked by text suggestions on either segment', () => {
    const snapshot = snapshotOf(WORK.map((spec) => (spec.id === 's3' ? { ...spec, open: ['sug-9'] } : spec)));
    expect(planOf(snapshot, merge()).blocking).toEqual({ segmentIds: ['s3'], suggestionIds: ['sug-9'] });
  });
});

describe('a sentence made a heading, a heading made a sentence', () => {
  it('cuts the paragraph around a sentence in its middle: the sentences after it go into a new paragraph after the heading', () => {
    const snapshot = snapshotOf(WORK.map((spec) => (spec.id === 'p1' ? { ...spec, style: 'QUOTE' as const } : spec)));
    const plan = planOf(snapshot, { type: 'makeHeading', segmentId: 's2', level: 2 });
    expect(plan.creates).toEqual([expect.objectContaining({ ref: 'new-1', kind: 'PARAGRAPH', style: 'QUOTE', parentRef: null })]);
    const key = plan.creates[0]?.orderKey as string;
    expect(key > keyOf(snapshot, 's2') && key < keyOf(snapshot, 's3')).toBe(true);
    expect(plan.updates).toEqual([
      { segmentId: 's3', parentRef: 'new-1' },
      { segmentId: 's2', kind: 'HEADING', level: 2, label: null, parentRef: null },
    ]);
    expect(plan.retires).toEqual([]);
    expect(plan.texts).toEqual([]);
    expect(plan.preview.after.map((row) => [row.id ?? 'new', row.kind, row.paragraph])).toEqual([
      ['h', 'HEADING', null], ['p1', 'PARAGRAPH', null], ['s1', 'SENTENCE', 'p1'], ['s2', 'HEADING', null], ['new', 'PARAGRAPH', null], ['s3', 'SENTENCE', 'new-1'], ['p2', 'PARAGRAPH', null], ['s4', 'SENTENCE', 'p2'],
    ]);
  });

  it('retires a paragraph left with no sentence, replaced by the paragraph after the heading or by the heading itself', () => {
    const first = planOf(snapshotOf(WORK), { type: 'makeHeading', segmentId: 's1', level: 1 });
    expect(first.retires).toEqual([{ segmentId: 'p1', replacedByRef: 'new-1' }]);
    const only = planOf(snapshotOf(WORK), { type: 'makeHeading', segmentId: 's4', level: 1 });
    expect(only.creates).toEqual([]);
    expect(only.retires).toEqual([{ segmentId: 'p2', replacedByRef: 's4' }]);
  });

  it('refuses a sentence whose translation is grouped with a neighbour, and anything but a sentence', () => {
    const continues = snapshotOf(WORK.map((spec) => (spec.id === 's2' ? { ...spec, fr: { text: null, continuesPrevious: true } } : spec)));
    expect(refusalOf(continues, { type: 'makeHeading', segmentId: 's2', level: 1 }).message).toMatch(/fr translation is shared with the segment before/);
    expect(refusalOf(continues, { type: 'makeHeading', segmentId: 's1', level: 1 }).message).toMatch(/also covers the segment after/);
    expect(refusalOf(snapshotOf(WORK), { type: 'makeHeading', segmentId: 'h', level: 1 }).code).toBe('INVALID_INPUT');
  });

  it('makes a heading the one sentence of a new prose paragraph at its place', () => {
    const snapshot = snapshotOf(WORK);
    const plan = planOf(snapshot, { type: 'makeSentence', segmentId: 'h' });
    expect(plan.creates).toEqual([expect.objectContaining({ ref: 'new-1', kind: 'PARAGRAPH', style: 'PROSE' })]);
    expect((plan.creates[0]?.orderKey as string) < keyOf(snapshot, 'h')).toBe(true);
    expect(plan.updates).toEqual([{ segmentId: 'h', kind: 'SENTENCE', level: 0, label: null, parentRef: 'new-1' }]);
    expect(plan.preview.summary).toBe('Make the heading “Chapter One” a sentence');
    expect(refusalOf(snapshot, { type: 'makeSentence', segmentId: 's1' }).code).toBe('INVALID_INPUT');
  });
});

describe('a sentence made a footnote', () => {
  const footnote = (segmentId: string, refOffset = 5): StructuralOperation => ({ type: 'makeFootnote', segmentId, label: '3', refSegmentId: 's1', refOffset });

  it('stays where it stands, its paragraph cut around it, when the work keeps no notes', () => {
    const plan = planOf(snapshotOf(WORK), footnote('s2'));
    expect(plan.updates).toContainEqual({ segmentId: 's2', kind: 'FOOTNOTE', level: 0, label: '3', parentRef: null });
    expect(plan.creates).toEqual([expect.objectContaining({ kind: 'PARAGRAPH' })]);
    expect(plan.newRefs).toEqual([{ segmentId: 's1', footnoteRef: 's2', label: '3', charOffset: 5 }]);
    expect(plan.bases).toEqual([{ segmentId: 's2', language: 'en', revisionId: 'rev-s2' }, { segmentId: 's1', language: 'en', revisionId: 'rev-s1' }]);
  });

  it('joins the work’s notes in the order they are referred to, and its paragraph closes up', () => {
    const snapshot = snapshotOf([...WORK, { id: 'n1', kind: 'FOOTNOTE', label: '1', text: 'First note.' }, { id: 'n2', kind: 'FOOTNOTE', label: '2', text: 'Second note.' }]);
    const notes = ['n1', 'n2'].map((id) => ({ id, orderKey: keyOf(snapshot, id), prevKey: snapshot.named[id]?.prevKey ?? null, nextKey: snapshot.named[id]?.nextKey ?? null, firstRef: null as { orderKey: string; charOffset: number } | null }));
    (notes[0] as (typeof notes)[number]).firstRef = { orderKey: keyOf(snapshot, 's1'), charOffset: 2 };
    (notes[1] as (typeof notes)[number]).firstRef = { orderKey: keyOf(snapshot, 's4'), charOffset: 0 };
    const plan = planOf({ ...snapshot, notes }, footnote('s2', 5));
    const update = plan.updates.find((entry) => entry.segmentId === 's2');
    expect(update?.orderKey && update.orderKey > keyOf(snapshot, 'n1') && update.orderKey < keyOf(snapshot, 'n2')).toBe(true);
    expect(plan.creates).toEqual([]);
    expect(plan.retires).toEqual([]);
    // Referred to before the first note: it goes before it.
    const early = planOf({ ...snapshot, notes }, footnote('s2', 0));
    const earlyKey = early.updates.find((entry) => entry.segmentId === 's2')?.orderKey as string;
    expect(earlyKey > keyOf(snapshot, 's4') && earlyKey < keyOf(snapshot, 'n1')).toBe(true);
    // A paragraph whose only sentence leaves is retired in the note's favour.
    expect(planOf({ ...snapshot, notes }, { ...footnote('s4'), refSegmentId: 's1' } as StructuralOperation).retires).toEqual([{ segmentId: 'p2', replacedByRef: 's4' }]);
  });

  it('refuses a note referring to itself, a reference beyond the text, and anything but a sentence', () => {
    const snapshot = snapshotOf(WORK);
    expect(refusalOf(snapshot, { ...footnote('s1') } as StructuralOperation).message).toMatch(/itself/);
    expect(refusalOf(snapshot, footnote('s2', 99)).message).toMatch(/inside the text/);
    expect(refusalOf(snapshot, { type: 'makeFootnote', segmentId: 'h', label: '1', refSegmentId: 's1', refOffset: 0 }).code).toBe('INVALID_INPUT');
  });
});

describe('paragraphs split and joined', () => {
  it('cuts a paragraph before one of its sentences into a new paragraph of the same layout', () => {
    const snapshot = snapshotOf(WORK.map((spec) => (spec.id === 'p1' ? { ...spec, style: 'SPEAKER_TURN' as const } : spec)));
    const plan = planOf(snapshot, { type: 'splitParagraph', paragraphId: 'p1', beforeSegmentId: 's2' });
    expect(plan.firstSegmentId).toBe('s2');
    expect(plan.creates).toEqual([expect.objectContaining({ kind: 'PARAGRAPH', style: 'SPEAKER_TURN' })]);
    const key = plan.creates[0]?.orderKey as string;
    expect(key > keyOf(snapshot, 's1') && key < keyOf(snapshot, 's2')).toBe(true);
    expect(plan.updates).toEqual([{ segmentId: 's2', parentRef: 'new-1' }, { segmentId: 's3', parentRef: 'new-1' }]);
    expect(refusalOf(snapshot, { type: 'splitParagraph', paragraphId: 'p1', beforeSegmentId: 's1' }).message).toMatch(/other than the first/);
    expect(refusalOf(snapshot, { type: 'splitParagraph', paragraphId: 'p1', beforeSegmentId: 's4' }).message).toMatch(/not in this paragraph/);
  });

  it('joins a paragraph with the next: its sentences move, it is retired in favour of the first, no key moves', () => {
    const plan = planOf(snapshotOf(WORK), { type: 'joinParagraphs', paragraphId: 'p1', nextParagraphId: 'p2' });
    expect(plan.firstSegmentId).toBe('s4');
    expect(plan.updates).toEqual([{ segmentId: 's4', parentRef: 'p1' }]);
    expect(plan.retires).toEqual([{ segmentId: 'p2', replacedByRef: 'p1' }]);
    expect(plan.creates).toEqual([]);
    expect(plan.preview.after.find((row) => row.id === 's4')).toMatchObject({ paragraph: 'p1', change: 'changed' });
  });

  it('refuses paragraphs with something between them, in the wrong order, or that are not paragraphs', () => {
    const between = snapshotOf([...WORK.slice(0, 5), { id: 'h2', kind: 'HEADING', text: 'Part two' }, ...WORK.slice(5)]);
    expect(refusalOf(between, { type: 'joinParagraphs', paragraphId: 'p1', nextParagraphId: 'p2' }).message).toMatch(/right after/);
    expect(refusalOf(snapshotOf(WORK), { type: 'joinParagraphs', paragraphId: 'p2', nextParagraphId: 'p1' }).message).toMatch(/right after/);
    expect(refusalOf(snapshotOf(WORK), { type: 'joinParagraphs', paragraphId: 's1', nextParagraphId: 'p2' }).message).toMatch(/not a paragraph/);
  });
});

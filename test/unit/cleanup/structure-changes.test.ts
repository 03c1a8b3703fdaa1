import { describe, expect, it } from 'vitest';

import { CleanupPreviewSession } from '../../../components/import/cleanup-preview-session';
import { runCleanup } from '../../../lib/cleanup';
import { describeBlock, structureChanges } from '../../../lib/cleanup/structure-changes';

const DIALOGUE = [
  'A talk in the harbour office, as the clerk wrote it down that day.',
  '',
  'Baker. Where does the ferry stop?',
  '',
  'Carter. At the old pier, for now.',
  '',
  'Baker. And in winter?',
  '',
  'Carter. Not at all in winter.',
  '',
  'The clerk listed what was asked:',
  '',
  '1. Reopen the pier',
  '',
  '2. Explain the delay',
].join('\n');

describe('the structure the preview shows beside the edits', () => {
  it('names each layout', () => {
    expect(describeBlock({ start: 0, end: 7, style: 'SPEAKER_TURN', speaker: 'Wells' })).toBe('Speaker turn: Wells');
    expect(describeBlock({ start: 0, end: 3, style: 'LIST_ITEM', marker: '3.' })).toBe('List item 3.');
    expect(describeBlock({ start: 0, end: 3, style: 'LIST_ITEM', marker: 'b)', depth: 1 })).toBe('List item b) (level 2)');
    expect(describeBlock({ start: 0, end: 2, style: 'QUOTE' })).toBe('Quotation');
    expect(describeBlock({ start: 0, end: 0, style: 'PROSE' })).toBeNull();
  });

  it('lists the turns and items of a stretch in text order, with their first words, and nothing outside it', () => {
    const result = runCleanup(DIALOGUE);
    expect(result.text).toBe(DIALOGUE);
    const all = structureChanges(result.text, result.blocks, 0, result.text.length);
    expect(all.map((change) => `${change.label} — ${change.excerpt}`)).toEqual([
      'Speaker turn: Baker — Where does the ferry stop?',
      'Speaker turn: Carter — At the old pier, for now.',
      'Speaker turn: Baker — And in winter?',
      'Speaker turn: Carter — Not at all in winter.',
      'List item 1. — Reopen the pier',
      'List item 2. — Explain the delay',
    ]);
    const from = result.text.indexOf('Baker. And');
    expect(structureChanges(result.text, result.blocks, from, result.text.indexOf('The clerk')).map((change) => change.label)).toEqual(['Speaker turn: Baker', 'Speaker turn: Carter']);
  });

  it('is in the preview’s excerpt, which edits nothing here, and goes when the rules are off', () => {
    const session = new CleanupPreviewSession();
    session.load({ kind: 'text', text: DIALOGUE });
    const preview = session.preview({}, 0);
    expect(preview.ops.every((op) => op.kind === 'equal')).toBe(true);
    expect(preview.structure.map((change) => change.label)).toEqual(['Speaker turn: Baker', 'Speaker turn: Carter', 'Speaker turn: Baker', 'Speaker turn: Carter', 'List item 1.', 'List item 2.']);
    expect(session.preview({ 'speaker-turns': false, lists: false }, 0).structure).toEqual([]);
  });
});

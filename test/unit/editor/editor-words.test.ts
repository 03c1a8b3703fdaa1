import { createElement } from 'react';
import { describe, expect, it } from 'vitest';

import { MemoryMatches } from '../../../components/editor/memory-matches';
import { PresenceAvatars } from '../../../components/editor/presence-avatars';
import { SegmentStatus } from '../../../components/editor/segment-status';
import { ShortcutLegend } from '../../../components/editor/shortcut-legend';
import type { MemoryMatch } from '../../../lib/memory/types';
import { renderInEnglish } from '../../helpers/render-in-english';
import { renderInRussian } from '../../helpers/render-in-russian';

/** The markup's text alone. */
const textOf = (markup: string): string => markup.replace(/<[^>]+>/gu, '');

const match: MemoryMatch = {
  unitId: 'u1',
  percent: 87,
  isInContext: false,
  sourceText: 'The door opened.',
  targetText: 'Дверь открылась.',
  diff: [{ kind: 'equal', text: 'The door opened.' }],
  provenance: { origin: 'LIBRARY', workId: 'w', workTitle: 'The Lamplighter', workAuthor: 'A', segmentId: 's', translator: 'Ada', date: '2026-03-05T10:00:00Z' },
};

describe('the editor’s words, from the catalogues', () => {
  it('says how many other suggestions await review, and marks the draft', () => {
    const english = textOf(renderInEnglish(createElement(SegmentStatus, { status: 'APPROVED', openSuggestions: 3, isDone: true, isEdited: true, isWaiting: true })));
    expect(english).toBe('ApprovedProposed ×2');
    const markup = renderInEnglish(createElement(SegmentStatus, { status: 'EMPTY', openSuggestions: 1, isDone: true, isEdited: true, isWaiting: false }));
    expect(markup).toContain('title="A suggestion for this text awaits review."');
    expect(textOf(markup)).toBe('EmptyProposedEdited✓ Done');
    expect(textOf(renderInRussian(createElement(SegmentStatus, { status: 'EMPTY', openSuggestions: 5, isDone: false, isEdited: false, isWaiting: false })))).toBe('ПустоПредложений: 5');
  });

  it('names a memory match’s percentage, origin and date in the interface’s language', () => {
    const props = { state: { status: 'ready' as const, matches: [match] }, onInsert: () => undefined, canInsert: true };
    const english = textOf(renderInEnglish(createElement(MemoryMatches, props)));
    expect(english).toContain('87%');
    expect(english).toContain('The Lamplighter, Ada, approved Mar 5, 2026');
    expect(english).toContain('Insert Alt+Shift+1');
    const russian = textOf(renderInRussian(createElement(MemoryMatches, props)));
    expect(russian).toContain('87\u00a0%');
    expect(russian).toContain('«The Lamplighter», Ada, одобрено 5 мар. 2026 г.');
  });

  it('lists the shortcuts and who is here', () => {
    const legend = renderInEnglish(createElement(ShortcutLegend, { hidden: ['publish'] }));
    expect(legend).toContain('aria-label="Keyboard shortcuts"');
    expect(textOf(legend)).toContain('Glossary terms of the segment (then 1–9 inserts)');
    expect(textOf(legend)).not.toContain('Publish now');
    expect(textOf(renderInEnglish(createElement(PresenceAvatars, { avatars: [], guests: 2 })))).toBe('+2 reading');
    expect(textOf(renderInRussian(createElement(PresenceAvatars, { avatars: [], guests: 2 })))).toBe('+2 читателя');
  });
});

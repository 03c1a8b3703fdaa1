import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { applyEdits, CLEANUP_RULES, runCleanup, type CleanupResult, type CleanupRuleId, type RuleProposal } from '../../../lib/cleanup';
import { CLEANUP_RULE_IDS } from '../../../lib/cleanup/rule-ids';
import { proposeSplit } from '../../../lib/cleanup/split';
import { anthologyText, anyText, documentText, ocrVolume, propertyOptions, uploadText } from '../../helpers/arbitraries';

/*
 * What the cleanup guarantees for every input (docs/import.md, "What the properties guarantee"):
 *
 * 1. No rule throws, whatever the text, format and choice of rules; every proposal's edits are
 *    sorted, do not overlap and lie inside the text the rule was given.
 * 2. Text only changes through reported edits: replaying the proposals' edits in pipeline order on
 *    the input gives the cleaned text, and with every rule off the cleaned text is the input.
 * 3. Each rule removes only what it says it removes: line joins replace one line break and the
 *    blanks around it by a space; de-hyphenation a hyphen and the line break after it (putting back a
 *    hyphen the OCR lost inside the word, or moving the word's second half up across a page's notes); page markers,
 *    page numbers, running headers and boilerplate only the markers, numbers and lines they report
 *    (with the blank lines around them); charset repair one character by the punctuation of its
 *    reported map; the ellipsis repair a run of other scripts' full stops by `…`; the quotation
 *    repair one double mark by the other, with at most one space beside it; letter spacing only spaces and case; footnote markers only the note numbers and asterisks
 *    they link; the structure rules edit nothing. With only the line work switched on, the text
 *    keeps every non-blank character.
 * 4. Page anchors, footnote links, notes, paragraph layouts and emphasis point inside the cleaned
 *    text, in order; each emphasised stretch (letter-spaced words) is a non-empty stretch of letters
 *    and the spaces between them, apart from the next one.
 * 5. The volume splitter's parts (by contents or an anthology's pieces) follow each other and
 *    cover the cleaned text from its first character to its last; a piece's metadata lines lie
 *    inside it.
 */

const choices = fc.record(Object.fromEntries(CLEANUP_RULE_IDS.map((id) => [id, fc.boolean()])) as Record<CleanupRuleId, fc.Arbitrary<boolean>>);
const formats = fc.constantFrom<'txt' | 'md' | 'html'>('txt', 'md', 'html');
const texts = fc.oneof({ weight: 3, arbitrary: documentText }, { weight: 2, arbitrary: ocrVolume }, { weight: 1, arbitrary: anthologyText }, { weight: 1, arbitrary: anyText(400) });

/** The texts each rule was given, in pipeline order: the input, then each rule's output. */
function stages(input: string, result: CleanupResult): string[] {
  const seen = [input];
  for (const proposal of result.proposals) seen.push(applyEdits(seen.at(-1) ?? '', proposal.edits));
  return seen;
}

const removedLines = (text: string, proposal: RuleProposal): string[] =>
  proposal.edits.flatMap((edit) => text.slice(edit.start, edit.end).split('\n').map((line) => line.trim()).filter((line) => line !== ''));

const INLINE_MARKER = /^\[[ \t]*(?:page|pg\.?|p\.)[ \t]*(\d{1,5}[a-z]?|[ivxlcdm]{1,7})[ \t]*\]$/iu;

/** Checks that every edit of `proposal`, on the text it was given, is of the kind its rule reports. */
function expectEditsOfItsKind(text: string, proposal: RuleProposal): void {
  for (const edit of proposal.edits) {
    const removed = text.slice(edit.start, edit.end);
    const { replacement } = edit;
    expect(edit.ruleId).toBe(proposal.ruleId);
    switch (proposal.ruleId) {
      case 'line-joins':
        expect(removed).toMatch(/^[^\S\n]*\n[^\S\n]*$/u);
        expect(replacement).toBe(' ');
        break;
      case 'dehyphenation':
        expectDehyphenationEdit(text, proposal, edit);
        break;
      case 'inline-page-markers': {
        const marker = INLINE_MARKER.exec(removed.trim());
        expect(marker?.[1]).toBe(edit.pageLabel);
        expect(['', ' ']).toContain(replacement);
        break;
      }
      case 'page-numbers':
        expect(removed.trim()).toMatch(/^(?:\d{1,4}|[ivxlcdm]{1,7})$/u);
        expect(edit.pageLabel).toBeTruthy();
        expect(['', '\n']).toContain(replacement);
        break;
      case 'running-headers':
      case 'web-boilerplate':
        expect(replacement).toMatch(/^\n?$/u);
        break;
      case 'ellipses':
        expect(removed).toMatch(/^[۔。｡．।።]{2,}$/u);
        expect(replacement).toBe('…');
        break;
      case 'quotation-marks':
        // One double mark turned the other way, with at most the space inside the quotation next to it.
        expect(removed).toMatch(/^(?:”[^\S\n\r]?|[^\S\n\r]?“)$/u);
        expect(replacement).toBe(removed.includes('”') ? '“' : '”');
        break;
      case 'charset-punctuation':
        expect(removed).toHaveLength(1);
        expect(proposal.data?.charMap?.[removed]).toBe(replacement);
        break;
      case 'letter-spacing':
        expect(removed).toMatch(/^\p{L}+(?: \p{L}+)*$/u);
        expect(replacement.replaceAll(' ', '').toLowerCase()).toBe(removed.replaceAll(' ', '').toLowerCase());
        break;
      case 'footnote-markers':
        expect(removed).toMatch(/^(?:\d{1,3}|\[\d{1,3}\]|\*{1,3})$/u);
        expect(replacement).toBe('');
        break;
      default:
        throw new Error(`${proposal.ruleId} proposed an edit, but structure rules only mark paragraphs`);
    }
  }
  if (proposal.ruleId === 'running-headers' || proposal.ruleId === 'web-boilerplate') {
    // Every line they remove is reported (running headers report stray blocks after the others).
    expect(removedLines(text, proposal).sort()).toEqual([...(proposal.data?.removedLines ?? [])].sort());
  }
  if (proposal.ruleId === 'footnote-markers') {
    const labels = proposal.edits.map((edit) => text.slice(edit.start, edit.end).replace(/[[\]]/gu, ''));
    expect(proposal.data?.footnotes?.map((link) => link.label)).toEqual(labels);
  }
}

/**
 * A de-hyphenation edit is one of: a hyphen and the line break after it, removed or kept as a
 * hyphen; a lost hyphen put back between two letters of the word before such a break; or a word's
 * second half moved up across a page's notes — the hyphen (and blanks) at the end of the first
 * half replaced by the second half (lowercase letters and what is glued to them), taken out at the
 * start of its line by a later edit of the same proposal that removes exactly it and blanks.
 */
function expectDehyphenationEdit(text: string, proposal: RuleProposal, edit: RuleProposal['edits'][number]): void {
  const removed = text.slice(edit.start, edit.end);
  const { replacement } = edit;
  if (/^-[ \t]*\r?\n[ \t]*$/u.test(removed)) {
    expect(['', '-']).toContain(replacement);
    return;
  }
  if (removed === '') {
    expect(replacement).toBe('-');
    expect(text.slice(edit.start - 1, edit.start + 1)).toMatch(/^\p{L}\p{L}$/u);
    return;
  }
  if (/^-[ \t]*$/u.test(removed)) {
    expect(text[edit.end] === '\n' || text.slice(edit.end, edit.end + 2) === '\r\n').toBe(true);
    const moved = replacement.replace(/^-/u, '');
    expect(moved).toMatch(/^\p{Ll}+\S*$/u);
    const taken = proposal.edits.filter((other) => other.start > edit.end && other.replacement === '' && text.slice(other.start, other.end).trim() === moved);
    expect(taken.length).toBeGreaterThan(0);
    return;
  }
  // The second half taken out where it was: a line's start (its blanks aside), after a line break.
  expect(replacement).toBe('');
  expect(text.slice(0, edit.start)).toMatch(/(?:^|\n)[ \t]*$/u);
  const moved = removed.trim();
  expect(proposal.edits.some((other) => other.end <= edit.start && other.replacement.replace(/^-/u, '') === moved && /^-[ \t]*$/u.test(text.slice(other.start, other.end)))).toBe(true);
}

function expectAnchorsInside(result: CleanupResult): void {
  const { text } = result;
  const offsets = result.pages.map((page) => page.offset);
  expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  for (const offset of offsets) expect(offset >= 0 && offset <= text.length).toBe(true);
  for (const link of result.footnotes) {
    expect(link.markerOffset >= 0 && link.markerOffset <= text.length).toBe(true);
    expect(link.noteOffset >= 0 && link.noteOffset <= text.length).toBe(true);
    // A link points at the text of a note the rule reports.
    expect(result.notes.some((note) => note.offset === link.noteOffset)).toBe(true);
  }
  for (const note of result.notes) expect(note.start >= 0 && note.start <= note.offset && note.offset <= note.end && note.end <= text.length).toBe(true);
  let previous = -1;
  for (const block of result.blocks) {
    expect(block.start).toBeGreaterThan(previous);
    previous = block.start;
    // A layout's prefix lies on the first line of its paragraph.
    expect(block.start === 0 || text[block.start - 1] === '\n').toBe(true);
    expect(block.end).toBeGreaterThanOrEqual(block.start);
    expect(text.slice(block.start, block.end)).not.toContain('\n');
    if (block.style === 'SPEAKER_TURN') expect(block.speaker).toBeTruthy();
    if (block.style === 'LIST_ITEM' && block.marker !== undefined) expect(block.marker).not.toBe('');
  }
  let previousEnd = -1;
  for (const span of result.emphasis) {
    expect(span.start > previousEnd && span.end > span.start && span.end <= text.length).toBe(true);
    // Letter spacing marks whole words it rejoined: letters, and single spaces between words.
    expect(text.slice(span.start, span.end)).toMatch(/^\p{L}+(?: \p{L}+)*$/u);
    previousEnd = span.end;
  }
}

describe('cleanup properties', () => {
  it('never throws, and every rule reports each change it makes, of its own kind', () => {
    fc.assert(
      fc.property(texts, choices, formats, (input, enabled, format) => {
        const result = runCleanup(input, { enabled, format });
        expect(result.proposals.map((p) => p.ruleId)).toEqual(CLEANUP_RULES.filter((rule) => enabled[rule.id]).map((rule) => rule.id));
        const seen = stages(input, result);
        expect(seen.at(-1)).toBe(result.text);
        result.proposals.forEach((proposal, index) => expectEditsOfItsKind(seen[index] ?? '', proposal));
        expectAnchorsInside(result);
      }),
      propertyOptions(120),
    );
  });

  it('runs every rule on its default setting without losing a reported change', () => {
    fc.assert(
      fc.property(texts, formats, (input, format) => {
        const result = runCleanup(input, { format });
        const seen = stages(input, result);
        expect(seen.at(-1)).toBe(result.text);
        result.proposals.forEach((proposal, index) => expectEditsOfItsKind(seen[index] ?? '', proposal));
        expectAnchorsInside(result);
      }),
      propertyOptions(80),
    );
  });

  it('changes nothing with every rule off, and only white space with only the line work on', () => {
    const off = Object.fromEntries(CLEANUP_RULE_IDS.map((id) => [id, false]));
    fc.assert(
      fc.property(texts, formats, (input, format) => {
        const untouched = runCleanup(input, { enabled: off, format });
        expect(untouched).toMatchObject({ text: input, pages: [], footnotes: [], blocks: [], emphasis: [], proposals: [] });
        const joined = runCleanup(input, { enabled: { ...off, 'line-joins': true, lists: true, 'block-quotes': true, 'speaker-turns': true }, format });
        expect(joined.text.replace(/\s+/gu, '')).toBe(input.replace(/\s+/gu, ''));
      }),
      propertyOptions(80),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(texts, (input) => {
        expect(runCleanup(input)).toEqual(runCleanup(input));
      }),
      propertyOptions(30),
    );
  });
});

describe('volume splitter properties', () => {
  it('proposes parts that follow each other and cover the whole cleaned text', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: ocrVolume }, { weight: 1, arbitrary: uploadText }, { weight: 2, arbitrary: anthologyText }), fc.boolean(), (input, isCleaned) => {
        const cleaned = isCleaned ? runCleanup(input) : { text: input, pages: [] };
        const proposal = proposeSplit({ text: cleaned.text, pages: cleaned.pages });
        if (!proposal) return;
        expect(proposal.works.length).toBeGreaterThanOrEqual(2);
        expect(proposal.works[0]?.start).toBe(0);
        expect(proposal.works.at(-1)?.end).toBe(cleaned.text.length);
        for (const [index, work] of proposal.works.entries()) {
          expect(work.start).toBeLessThan(work.end);
          if (index > 0) expect(work.start).toBe(proposal.works[index - 1]?.end);
          if (work.contentsIndex !== null) expect(proposal.contents[work.contentsIndex]).toBeDefined();
          // An anthology piece's metadata lines lie inside it, in order, and its link is http(s).
          let previousEnd = work.start;
          for (const range of work.omitted ?? []) {
            expect(range.start >= previousEnd && range.start <= range.end && range.end <= work.end).toBe(true);
            previousEnd = range.end;
          }
          if (work.metadata?.url) expect(work.metadata.url).toMatch(/^https?:\/\//u);
        }
        const { start, end } = proposal.contentsRange;
        expect(0 <= start && start <= end && end <= cleaned.text.length).toBe(true);
      }),
      propertyOptions(120),
    );
  });
});

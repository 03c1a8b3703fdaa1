import { isStemSequenceAt, type StemToken } from './stem-sequence';
import type { GlossaryCandidate } from './types';

/** Where a term stands in a text (UTF-16 offsets, `end` exclusive). */
export interface TermMatch {
  termId: string;
  term: string;
  start: number;
  end: number;
}

/** Characters of a term besides letters, digits, white space, hyphens and apostrophes: an abbreviation's dots, brackets. */
const PUNCTUATION = /[^\p{L}\p{M}\p{N}\s\-\u2010\u2011'\u2019]/u;
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /\s/u;

/**
 * The glossary terms in a text (docs/glossary.md, Recognition): each candidate's stems at
 * consecutive tokens, anywhere in the text. A term written with punctuation of its own (an
 * abbreviation such as "C.P.S.U.(B.)" or "E.C.C.I.") must also stand in the text as written,
 * letter for letter and sign for sign (case and white space aside), and its hit covers its signs
 * ("C.P.S.U.(B.)", not "C.P.S.U.(B"); a term of words only matches any inflected form. Where
 * matches overlap, the leftmost wins, and the longest among those starting at one place ("Communist
 * Party of Great Britain" over "Communist Party"): every hit stands alone, so a check never asks
 * for the translation of a term inside a longer one. Hits come in text order. Pure.
 */
export function matchGlossaryTerms(text: string, tokens: readonly StemToken[], candidates: readonly GlossaryCandidate[]): TermMatch[] {
  // Where each stem stands: a candidate is looked at only where its first stem is (a chunk's
  // lookup hands every text thousands of candidates, most of them for other texts).
  const positions = new Map<string, number[]>();
  tokens.forEach((token, index) => {
    const list = positions.get(token.stem);
    if (list) list.push(index);
    else positions.set(token.stem, [index]);
  });
  const found: TermMatch[] = [];
  for (const candidate of candidates) {
    const starts = candidate.stems[0] === undefined ? undefined : positions.get(candidate.stems[0]);
    if (!starts) continue;
    for (const at of starts) {
      if (!isStemSequenceAt(tokens, candidate.stems, at)) continue;
      const first = tokens[at];
      const last = tokens[at + candidate.stems.length - 1];
      if (!first || !last) continue;
      const span = PUNCTUATION.test(candidate.text) ? writtenSpan(text, candidate.text, first.start) : { start: first.start, end: last.end };
      if (!span) continue;
      found.push({ termId: candidate.id, term: candidate.text, start: span.start, end: span.end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.term.localeCompare(b.term));
  const hits: TermMatch[] = [];
  let reached = 0;
  for (const hit of found) {
    if (hit.start < reached) continue;
    hits.push(hit);
    reached = hit.end;
  }
  return hits;
}

/**
 * Where `term` stands in `text` as written, its first word beginning at `wordStart`: the signs
 * before its first letter are looked for just before it, the rest compared character by character
 * (case aside), white space skipped on both sides. Null when the text has another form.
 */
function writtenSpan(text: string, term: string, wordStart: number): { start: number; end: number } | null {
  const characters = [...term].filter((character) => !SPACE.test(character));
  const lead = characters.findIndex((character) => WORD_CHARACTER.test(character));
  if (lead < 0) return null;
  // The signs before the first letter ("(" of "(б)"), read backwards from the word.
  let start = wordStart;
  for (let i = lead - 1; i >= 0; i -= 1) {
    while (start > 0 && SPACE.test(text[start - 1] ?? '')) start -= 1;
    const expected = characters[i] ?? '';
    if (text.slice(start - expected.length, start).toLowerCase() !== expected.toLowerCase()) return null;
    start -= expected.length;
  }
  let end = wordStart;
  for (let i = lead; i < characters.length; i += 1) {
    while (end < text.length && SPACE.test(text[end] ?? '')) end += 1;
    const expected = characters[i] ?? '';
    if (text.slice(end, end + expected.length).toLowerCase() !== expected.toLowerCase()) return null;
    end += expected.length;
  }
  return { start, end };
}

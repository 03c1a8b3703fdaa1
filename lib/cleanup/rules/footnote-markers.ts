import { createOffsetMapper, examplesOf } from '../text-edits';
import type { CleanupInput, FootnoteLink, RuleProposal, TextEdit } from '../types';

/**
 * A note line: `[3] Text…` or `3 Text…` / `3. Text…` at the start of a line. Lines end at LF only,
 * as everywhere in the cleanup and the import: a multiline `^` also starts lines after a lone CR or
 * U+2028, where the import, not seeing a line there, put the note's label at the start of the line
 * before and lost its text.
 */
const NOTE_LINE = /(?<![^\n])[ \t]*(?:\[(\d{1,3})\]|(\d{1,3})\.?(?=[ \t]+[\p{Lu}“"‘(]))[ \t]*/gu;
/** A bracketed reference marker: `[12]`. */
const BRACKET_MARKER = /\[(\d{1,3})\]/gu;
/**
 * A number glued to a word, optionally after the punctuation that closes it: `crisis,1`,
 * `difficulties.2`, `group3`, `deviations.”3`, `(Lenin).22`, `C.P.S.U.(B.)44`, `AMERICA72`. A digit
 * before it (`1908,4`, `5,000`) never starts a marker: that is a number.
 */
const GLUED_MARKER = /(?<=\p{L}[,.;:!?’”"')\]*]{0,4})(\d{1,3})(?=[\s,.;:!?)\]]|$)/gu;

/** The longest distance (characters) from one note to the next; a long note or a page between them still fits. */
const MAX_NOTE_DISTANCE = 4000;

interface Note {
  number: number;
  /** Where the note line starts (the marker position) and where its text starts. */
  lineStart: number;
  textStart: number;
  isBracketed: boolean;
}

/**
 * Finds footnote reference markers and the notes they point to, and proposes detaching each
 * marker from its word so the sentence reads clean. Notes are a run of lines numbered 1, 2, 3…
 * (either `[n]` or `n Text`); a marker counts only if its note exists and it appears before the
 * notes, in the order of the notes (so a stray number in the text is not mistaken for one).
 * The links (marker position, note text start) are returned in `data.footnotes`.
 */
export function detectFootnoteMarkers({ text }: CleanupInput): RuleProposal {
  const notes = findNotes(text);
  const edits: TextEdit[] = [];
  const linked: { edit: TextEdit; note: Note }[] = [];
  if (notes.length > 0) {
    const byNumber = new Map(notes.map((note) => [note.number, note]));
    const isBracketed = notes[0]?.isBracketed ?? false;
    const notesStart = notes[0]?.lineStart ?? text.length;
    const lastNumber = notes[notes.length - 1]?.number ?? 0;
    const body = text.slice(0, notesStart);
    const pattern = isBracketed ? BRACKET_MARKER : GLUED_MARKER;
    let expected = notes[0]?.number ?? 1;
    for (const match of body.matchAll(pattern)) {
      const number = Number(match[1]);
      // Markers follow the order of the notes; allow skipping a few that OCR lost.
      if (number < expected - 1 || number > expected + 5 || number > lastNumber) continue;
      const note = byNumber.get(number);
      if (!note) continue;
      const edit: TextEdit = { start: match.index, end: match.index + match[0].length, replacement: '', ruleId: 'footnote-markers' };
      edits.push(edit);
      linked.push({ edit, note });
      expected = number + 1;
    }
  }
  const map = createOffsetMapper(edits);
  const footnotes: FootnoteLink[] = linked.map(({ edit, note }) => ({
    label: text.slice(edit.start, edit.end).replace(/[[\]]/gu, ''),
    markerOffset: map(edit.start),
    noteOffset: map(note.textStart),
  }));
  return {
    ruleId: 'footnote-markers',
    edits,
    count: edits.length,
    examples: examplesOf(text, edits),
    summary: edits.length === 0 ? 'no footnote markers' : `${edits.length} footnote markers linked to ${new Set(linked.map((l) => l.note.number)).size} notes`,
    data: { footnotes },
  };
}

/**
 * The notes: the longest run of note lines numbered consecutively from 1 (or from where the run
 * starts), in text order. Several runs (notes after each article) are concatenated when each
 * restarts at 1; only the longest is used here to stay conservative.
 */
function findNotes(text: string): Note[] {
  const lines: Note[] = [];
  for (const match of text.matchAll(NOTE_LINE)) {
    const number = Number(match[1] ?? match[2]);
    lines.push({ number, lineStart: match.index, textStart: match.index + match[0].length, isBracketed: match[1] !== undefined });
  }
  let best: Note[] = [];
  for (let k = 0; k < lines.length; k++) {
    const first = lines[k];
    if (!first || first.number !== 1) continue;
    const run: Note[] = [first];
    for (let j = k + 1; j < lines.length; j++) {
      const line = lines[j];
      const last = run[run.length - 1];
      if (!line || !last) break;
      // Notes are dense: a run that has to reach far for its next number is not a notes section.
      if (line.lineStart - last.lineStart > MAX_NOTE_DISTANCE) break;
      // One lost note (a number OCR merged into the previous line) does not end the run.
      if (line.isBracketed === first.isBracketed && (line.number === last.number + 1 || line.number === last.number + 2)) run.push(line);
    }
    if (run.length > best.length) best = run;
  }
  // Two notes make a notes section; one numbered line could be anything.
  return best.length >= 2 ? best : [];
}

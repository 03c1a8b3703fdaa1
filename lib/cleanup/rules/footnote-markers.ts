import { createOffsetMapper, examplesOf } from '../text-edits';
import type { CleanupInput, FootnoteLink, FootnoteNote, RuleProposal, TextEdit } from '../types';

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
/**
 * An author's note at the foot of a page: a line that begins with one to three stars and a
 * capital (`* My italics.—J. St.`, `*The speech is given…`), or a `**` note run on after the `*`
 * note of the same page (`…of the Works.—Tr. ** My italics.`). Not a line that closes its stars
 * (`**Wells:** Yes.` is emphasis).
 */
const ASTERISK_NOTE_OPENING = String.raw`[ \t]*(\*{1,3})[ \t]?(?=[\p{Lu}“"‘(])(?![^\n]*[^\s*]\*)`;
const ASTERISK_NOTE_LINE = new RegExp(`(?<![^\n])${ASTERISK_NOTE_OPENING}`, 'gu');
const ASTERISK_NOTE_AT_START = new RegExp(`^${ASTERISK_NOTE_OPENING}`, 'u');

/** Whether a line is an author's note at the foot of a page, as this rule reads one (`* My italics.—J. St.`). */
export function isAsteriskNoteLine(line: string): boolean {
  return ASTERISK_NOTE_AT_START.test(line);
}
const RUN_ON_ASTERISK_NOTE = /(?<=[.!?)][ \t]+)(\*{1,3})[ \t]?(?=[\p{Lu}“"‘(])/gu;
/**
 * An asterisk marker: one to three stars right after a word, a number or the punctuation that
 * closes it (`over*`, `all”?*`, `72.)*`), or set apart after an ellipsis (`Germany” . . . * (see`);
 * not before a letter (`*word*` is emphasis) nor part of a longer run of stars.
 */
const ASTERISK_MARKER = /(?:(?<=[\p{L}\p{N}.,;:!?’”"')\]])|(?<=(?:\.[ \t]?){3}[ \t]|…[ \t]))(?<!\*)(\*{1,3})(?![*\p{L}])/gu;

/** The longest distance (characters) from one note to the next; a long note or a page between them still fits. */
const MAX_NOTE_DISTANCE = 4000;
/** How far before its note an asterisk marker may stand: the page the note is printed at the foot of. */
const MAX_ASTERISK_DISTANCE = 4000;

interface Note {
  number: number;
  /** Where the note line starts (the marker position), where its text starts and ends. */
  lineStart: number;
  textStart: number;
  textEnd: number;
  isBracketed: boolean;
}

/** A number in the text that may be a note's marker: where the digits are and what they read. */
interface Candidate {
  number: number;
  start: number;
  end: number;
}

/**
 * Finds footnote reference markers and the notes they point to, and proposes detaching each
 * marker from its word so the sentence reads clean.
 *
 * Numbered notes are runs of lines numbered 1, 2, 3… (`[n]` or `n Text`) — the notes after each
 * article, or a volume's notes at its end. Markers are looked for in the text before each run, in
 * the order of its notes (so a stray number is not mistaken for one): first numbers glued to a
 * word (`crisis,1`, `deviations.”3`); then, for a note still without a marker, between the markers
 * of the notes around it, a number whose only reading is that note's: glued to a year or a page
 * (`in 192349`, `p. 1765`), after a year and a comma (`1908,4`), set apart after punctuation or a
 * closing quote (`”  19`, `(Lenin) 40 which`, at the start of a line), after a heading, or the one
 * number there OCR read a digit off from it (`86` for 85). A run whose notes are numbered apart
 * from the text's markers (a copy that numbers each page's notes from 1 while the text keeps the
 * book's numbers) is matched to the numbers glued to words before it in order, when there are as
 * many as notes. Every note of a run that is a notes section (most of its notes have markers, or
 * it follows a "Notes" heading) is reported, with or without a marker.
 *
 * Asterisk notes at the foot of a page (`* My italics.`) link the markers of as many stars on the
 * page above them (`over*`, `”**`).
 *
 * The links (marker position, note text start) are returned in `data.footnotes`, the notes
 * (label, where the label starts, where the text starts and ends) in `data.notes`.
 */
export function detectFootnoteMarkers({ text }: CleanupInput): RuleProposal {
  const edits: TextEdit[] = [];
  const linked: { edit: TextEdit; label: string; noteStart: number }[] = [];
  const notes: FootnoteNote[] = [];
  const noteRanges: [number, number][] = [];
  let unmatched = 0;

  // The longest run first (a volume's notes), reading its markers since the last run before it
  // under a "Notes" heading; then the others in text order (each article's notes), each reading
  // its markers since the notes section before it. A marker serves one note only.
  const runs = findNoteRuns(text);
  const accepted = new Map<number, Map<number, Candidate>>();
  const taken = new Set<number>();
  const isFree = (offset: number) => !taken.has(offset);
  const gluedNumbers = createGluedNumbers(text);
  const accept = (i: number, from: number): boolean => {
    const run = runs[i] as Note[];
    const first = run[0] as Note;
    const found = markersOfRun(text, run, from, first.lineStart, isFree, gluedNumbers);
    // A run that is no notes section (numbered paragraphs, a numbered list) is text where markers may stand.
    if (found.size * 2 < run.length && !followsNotesHeading(text, first.lineStart)) return false;
    accepted.set(i, found);
    for (const marker of found.values()) taken.add(marker.start);
    return true;
  };
  const endOf = (i: number) => (runs[i]?.at(-1) as Note).textEnd;
  let primary = -1;
  runs.forEach((run, i) => {
    if (primary < 0 || run.length > (runs[primary]?.length ?? 0)) primary = i;
  });
  if (primary >= 0) {
    let from = 0;
    for (let j = primary - 1; j >= 0; j--) {
      if (followsNotesHeading(text, (runs[j]?.[0] as Note).lineStart)) {
        from = endOf(j);
        break;
      }
    }
    accept(primary, from);
  }
  let sectionEnd = 0;
  runs.forEach((run, i) => {
    if (i !== primary && accept(i, sectionEnd)) sectionEnd = endOf(i);
    else if (accepted.has(i) || followsNotesHeading(text, (run[0] as Note).lineStart)) sectionEnd = Math.max(sectionEnd, endOf(i));
  });
  for (const i of accepted.keys()) noteRanges.push([(runs[i]?.[0] as Note).lineStart, endOf(i)]);
  noteRanges.sort((a, b) => a[0] - b[0]);
  for (const [i, found] of [...accepted].sort((a, b) => a[0] - b[0])) {
    for (const note of runs[i] as Note[]) {
      notes.push({ label: String(note.number), start: note.lineStart, offset: note.textStart, end: note.textEnd });
      const marker = found.get(note.number);
      if (marker) linked.push({ edit: markerEdit(marker.start, marker.end), label: text.slice(marker.start, marker.end), noteStart: note.textStart });
      else unmatched += 1;
    }
  }

  for (const group of findAsteriskNotes(text, noteRanges)) {
    for (const note of group.notes) notes.push(note);
    for (const marker of text.slice(group.scopeStart, group.notes[0]?.start ?? group.scopeStart).matchAll(ASTERISK_MARKER)) {
      const start = group.scopeStart + marker.index;
      const note = group.notes.find((n) => n.label === marker[1]);
      if (!note || insideAny(start, noteRanges)) continue;
      linked.push({ edit: markerEdit(start, start + marker[0].length), label: marker[0], noteStart: note.offset });
    }
  }

  linked.sort((a, b) => a.edit.start - b.edit.start);
  for (const { edit } of linked) edits.push(edit);
  notes.sort((a, b) => a.start - b.start);
  const map = createOffsetMapper(edits);
  const footnotes: FootnoteLink[] = linked.map(({ edit, label, noteStart }) => ({ label: label.replace(/[[\]]/gu, ''), markerOffset: map(edit.start), noteOffset: map(noteStart) }));
  const mappedNotes: FootnoteNote[] = notes.map((note) => ({ label: note.label, start: map(note.start), offset: map(note.offset), end: map(note.end) }));
  const noteCount = new Set(linked.map((l) => l.noteStart)).size;
  return {
    ruleId: 'footnote-markers',
    edits,
    count: edits.length,
    examples: examplesOf(text, edits),
    summaryValues: { found: edits.length === 0 && notes.length === 0 ? 'no' : 'yes', markers: edits.length, linked: noteCount, notes: notes.length, unmatched },
    summary:
      edits.length === 0 && notes.length === 0
        ? 'no footnote markers'
        : `${edits.length} footnote markers linked to ${noteCount} of ${notes.length} notes${unmatched > 0 ? ` (${unmatched} numbered notes without a marker)` : ''}`,
    data: { footnotes, notes: mappedNotes },
  };
}

function markerEdit(start: number, end: number): TextEdit {
  return { start, end, replacement: '', ruleId: 'footnote-markers' };
}

/** The numbers glued to words (or bracketed) in `[from, to)` of a text, in text order. */
type GluedNumbers = (from: number, to: number, isBracketed: boolean) => readonly Candidate[];

/** Characters that may stand between a word and the number glued to it (as in GLUED_MARKER's lookbehind). */
const GLUE = /[,.;:!?’”"')\]*]/u;

/**
 * {@link GluedNumbers} of `text`, from one scan of the whole text per kind: the runs of numbered
 * lines that turn out to be no notes (numbered lists, numbered paragraphs) all read their markers
 * from the same start, and scanning that stretch again for each would make the rule quadratic in
 * the text. A number found by the whole scan is one a scan of `[from, to)` finds when it lies
 * there and so does the word it is glued to (`to` is the start of a line, where no such number
 * ends).
 */
function createGluedNumbers(text: string): GluedNumbers {
  const scans = new Map<boolean, (Candidate & { wordEnd: number })[]>();
  const scanOf = (isBracketed: boolean) => {
    let scan = scans.get(isBracketed);
    if (!scan) {
      scan = [...text.matchAll(isBracketed ? BRACKET_MARKER : GLUED_MARKER)].map((m) => {
        // The word's last letter, before the closing punctuation (none for a bracketed number).
        let wordEnd = m.index;
        if (!isBracketed) while (GLUE.test(text.charAt(wordEnd - 1))) wordEnd -= 1;
        return { number: Number(m[1]), start: m.index, end: m.index + m[0].length, wordEnd: isBracketed ? m.index : wordEnd - 1 };
      });
      scans.set(isBracketed, scan);
    }
    return scan;
  };
  return (from, to, isBracketed) => {
    const scan = scanOf(isBracketed);
    let low = 0;
    let high = scan.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((scan[middle] as Candidate).start < from) low = middle + 1;
      else high = middle;
    }
    const found: Candidate[] = [];
    for (let index = low; index < scan.length && (scan[index] as Candidate).end <= to; index += 1) {
      const { number, start, end, wordEnd } = scan[index] as Candidate & { wordEnd: number };
      if (wordEnd >= from) found.push({ number, start, end });
    }
    return found;
  };
}

/**
 * The markers of one run of notes, found in `[from, to)` (the text between the previous run and
 * this one), by note number.
 */
function markersOfRun(text: string, run: readonly Note[], from: number, to: number, isFree: (offset: number) => boolean, gluedNumbers: GluedNumbers): Map<number, Candidate> {
  const isBracketed = run[0]?.isBracketed ?? false;
  const numbers = new Set(run.map((note) => note.number));
  const lastNumber = run[run.length - 1]?.number ?? 0;
  const glued = gluedNumbers(from, to, isBracketed).filter((c) => isFree(c.start));
  const found = new Map<number, Candidate>();
  let expected = run[0]?.number ?? 1;
  for (const candidate of glued) {
    // Markers follow the order of the notes; allow skipping a few that OCR lost.
    if (candidate.number < expected - 1 || candidate.number > expected + 5 || candidate.number > lastNumber) continue;
    if (!numbers.has(candidate.number) || found.has(candidate.number)) continue;
    found.set(candidate.number, candidate);
    expected = candidate.number + 1;
  }
  if (isBracketed) return found;
  // Notes numbered apart from the text: as many glued numbers counting up one by one as notes, none of which matched.
  if (found.size === 0) {
    const sequence = longestCountingRun(glued);
    if (sequence.length === run.length) run.forEach((note, i) => found.set(note.number, sequence[i] as Candidate));
    return found;
  }
  // Recovery needs evidence that these are the notes of this text: most markers found already.
  if (found.size * 2 >= run.length) recoverMarkers(text, run, found, from, to, isFree);
  return found;
}

/** The longest run of candidates whose numbers count up by one, in text order. */
function longestCountingRun(candidates: readonly Candidate[]): Candidate[] {
  let best: Candidate[] = [];
  let current: Candidate[] = [];
  for (const candidate of candidates) {
    const last = current[current.length - 1];
    current = last && candidate.number === last.number + 1 ? [...current, candidate] : [candidate];
    if (current.length > best.length) best = current;
  }
  return best;
}

/** Where a number cannot be a marker: a page, volume, issue or part number, a range, a decimal. */
const REFERENCE_NUMBER_BEFORE = /(?:\b(?:pp?|No|Nos|Vol|vols?|ed|S|Bd|Abt|Part|art|ch|chap|sec|fig)\.?|§)[ \t]*$/iu;
const NUMBER_CONTINUES = /^(?:[-–][ \t]?\d|[.,:]\d|[ \t]?%)/u;

/**
 * Markers for the notes of the run that have none yet, each looked for between the markers of the
 * notes before and after it, and taken only when one number there reads as it (see
 * {@link detectFootnoteMarkers}). Adds to `found`.
 */
function recoverMarkers(text: string, run: readonly Note[], found: Map<number, Candidate>, from: number, to: number, isFree: (offset: number) => boolean): void {
  const taken = new Set([...found.values()].map((c) => c.start));
  // Windows of several missing notes overlap: read at most a few times the text in all, so that no
  // upload makes this quadratic.
  let budget = 4 * (to - from) + 100_000;
  for (const note of run) {
    if (found.has(note.number)) continue;
    const before = [...found].filter(([n]) => n < note.number).sort((a, b) => b[0] - a[0])[0]?.[1];
    const after = [...found].filter(([n]) => n > note.number).sort((a, b) => a[0] - b[0])[0]?.[1];
    const windowStart = before?.end ?? from;
    const windowEnd = after?.start ?? to;
    if (windowEnd <= windowStart) continue;
    budget -= windowEnd - windowStart;
    if (budget < 0) break;
    const numbers = numbersIn(text, windowStart, windowEnd).filter((c) => !taken.has(c.start) && isFree(c.start));
    const exact = numbers.filter((c) => c.number === note.number);
    // OCR misread one digit of a marker (`86` for 85): the one such number, when no other reads as the note.
    const misread = exact.length === 0 ? numbers.filter((c) => isOneDigitOff(c.number, note.number) && !run.some((n) => n.number === c.number && !found.has(n.number) && n !== note)) : [];
    const choice = exact.length === 1 ? exact[0] : exact.length === 0 && misread.length === 1 ? misread[0] : undefined;
    if (!choice) continue;
    found.set(note.number, choice);
    taken.add(choice.start);
  }
}

/** Two numbers of as many digits that differ in one digit. */
function isOneDigitOff(a: number, b: number): boolean {
  const x = String(a);
  const y = String(b);
  if (x.length !== y.length || x === y) return false;
  let differences = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differences += 1;
  return differences === 1;
}

/**
 * The numbers in `[start, end)` that can be read as a marker (only with evidence: the caller asks
 * for one number a note expects): the tail of a year or a page it is glued to (`192349` → 49,
 * `p. 1765` → 65), a number after a year and its punctuation (`1908,4`), a number set apart after
 * punctuation or a closing quote or at the start of a line, and a number after a heading's last
 * word at the end of its line. Never a page, volume or issue number, a number alone on its line,
 * nor part of a range.
 */
function numbersIn(text: string, start: number, end: number): Candidate[] {
  const candidates: Candidate[] = [];
  // Where the current line starts, followed forward (a line far back reads as far: -1), so that
  // a window of one long line is read once.
  const head = text.slice(Math.max(0, start - LOOK), start);
  const headBreak = head.lastIndexOf('\n');
  let lineStart = headBreak >= 0 ? start - head.length + headBreak + 1 : start - head.length === 0 ? 0 : -1;
  let nextBreak = text.indexOf('\n', start);
  for (const match of text.slice(start, end).matchAll(/\d+/gu)) {
    const digits = match[0];
    const at = start + match.index;
    while (nextBreak >= 0 && nextBreak < at) {
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', nextBreak + 1);
    }
    const after = text.slice(at + digits.length, at + digits.length + 3);
    if (NUMBER_CONTINUES.test(after) || /^\p{L}/u.test(after)) continue;
    const lead = text.slice(Math.max(0, at - 12), at);
    // Glued to a year (`192349`) or to a page number (`p. 1765`): the last one to three digits.
    if (digits.length >= 5 && /^(?:1[5-9]|20)\d\d/u.test(digits)) candidates.push(tail(digits.slice(4), at + 4));
    else if (digits.length >= 3 && /\bpp?\.[ \t]?$/u.test(lead)) {
      for (let k = 1; k < digits.length && k <= 3; k++) candidates.push(tail(digits.slice(k), at + k));
    }
    if (digits.length > 3) continue;
    if (REFERENCE_NUMBER_BEFORE.test(lead)) continue;
    const isLineNear = lineStart >= 0 && at - lineStart <= LOOK;
    const prefix = text.slice(isLineNear ? lineStart : at - LOOK, at);
    const isAtLineStart = isLineNear && prefix.trim() === '';
    // A number alone on its line is a page or section number.
    const rest = text.slice(at + digits.length, at + digits.length + LOOK);
    const restOfLine = rest.split('\n', 1)[0] ?? '';
    if (isAtLineStart && restOfLine.trim() === '' && (rest.includes('\n') || at + digits.length + LOOK >= text.length)) continue;
    const isAfterYear = /(?:1[5-9]|20)\d\d[,.;:]$/u.test(lead);
    const isSetApart = /[.,;:!?’”")\]*][ \t]+$/u.test(prefix) || isAtLineStart;
    const isAfterHeading = isLineNear && /\p{Lu}{2,}[ \t]+$/u.test(lead) && /^[ \t]*(?:\n|$)/u.test(rest.slice(0, 2)) && isHeadingLine(prefix);
    if (isAfterYear || isSetApart || isAfterHeading) candidates.push(tail(digits, at));
  }
  return candidates;
}

/** How far back the line a number stands on is looked at (a heading, what sets the number apart). */
const LOOK = 200;

function tail(digits: string, at: number): Candidate {
  return { number: Number(digits), start: at, end: at + digits.length };
}

/** Mostly capitals (at least three letters): a heading line. */
function isHeadingLine(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  if (letters.length < 3) return false;
  return letters.filter((ch) => ch !== ch.toLowerCase()).length / letters.length >= 0.8;
}

/** Whether the last non-blank line before `offset` is a "Notes" heading (`NOTES`, `N O T E S`, `Notes:`). */
function followsNotesHeading(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 200), offset).trimEnd();
  const line = before.slice(before.lastIndexOf('\n') + 1);
  return /^[ \t#]*(?:notes|n o t e s|footnotes|endnotes|примечания)[ \t]*:?$/iu.test(line.trim());
}

/**
 * The runs of note lines numbered consecutively from 1 (one lost number allowed), in text order
 * and without overlapping (a line numbered 1 ends a run): the notes after each article, or a
 * volume's notes. Two notes make a run; one numbered line could be anything. Each note's text
 * runs to the next note, across line breaks, but not past a heading.
 */
function findNoteRuns(text: string): Note[][] {
  const lines: Note[] = [];
  for (const match of text.matchAll(NOTE_LINE)) {
    const number = Number(match[1] ?? match[2]);
    lines.push({ number, lineStart: match.index, textStart: match.index + match[0].length, textEnd: lineEndAt(text, match.index), isBracketed: match[1] !== undefined });
  }
  const runs: Note[][] = [];
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
      else if (line.number === 1) break;
    }
    if (run.length >= 2) runs.push(run);
    // Runs do not overlap: the next one starts at the next line numbered 1.
  }
  for (const run of runs) {
    run.forEach((note, i) => {
      const next = run[i + 1];
      if (next) note.textEnd = noteEnd(text, note.textStart, next.lineStart);
    });
  }
  return runs;
}

/** The end of a note's text before the next note: trailing blanks dropped, cut before a heading line. */
function noteEnd(text: string, start: number, nextStart: number): number {
  let end = nextStart;
  let lineStart = text.indexOf('\n', start);
  while (lineStart >= 0 && lineStart < nextStart) {
    const next = text.indexOf('\n', lineStart + 1);
    const line = text.slice(lineStart + 1, next < 0 || next > nextStart ? nextStart : next);
    if (line.trim() !== '' && isHeadingLine(line) && !/\d/u.test(line)) {
      end = lineStart;
      break;
    }
    lineStart = next;
  }
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end -= 1;
  return end;
}

function lineEndAt(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  let stop = end < 0 ? text.length : end;
  while (stop > offset && /[ \t]/u.test(text[stop - 1] ?? '')) stop -= 1;
  return stop;
}

/** Whether `offset` lies in one of `ranges` (sorted, not overlapping). */
function insideAny(offset: number, ranges: readonly [number, number][]): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = ranges[middle] as [number, number];
    if (offset < start) high = middle - 1;
    else if (offset >= end) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * The asterisk notes, grouped by the page they are printed on (notes on consecutive lines), each
 * group with the text its markers may stand in: from the previous group (at most a page back).
 */
function findAsteriskNotes(text: string, numberedRanges: readonly [number, number][]): { notes: FootnoteNote[]; scopeStart: number }[] {
  const groups: { notes: FootnoteNote[]; scopeStart: number }[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(ASTERISK_NOTE_LINE)) {
    if (insideAny(match.index, numberedRanges)) continue;
    const label = match[1] ?? '*';
    const lineEnd = lineEndAt(text, match.index);
    const notes: FootnoteNote[] = [];
    // `* First note… ** Second note.` on one line: two notes.
    let start = match.index;
    let offset = match.index + match[0].length;
    let noteLabel = label;
    for (const runOn of text.slice(offset, lineEnd).matchAll(RUN_ON_ASTERISK_NOTE)) {
      const at = offset + runOn.index;
      if ((runOn[1]?.length ?? 0) <= noteLabel.length) continue;
      notes.push({ label: noteLabel, start, offset, end: trimmedEnd(text, offset, at) });
      start = at;
      noteLabel = runOn[1] ?? noteLabel;
      offset = at + runOn[0].length;
    }
    notes.push({ label: noteLabel, start, offset, end: lineEnd });
    const last = groups[groups.length - 1];
    // A note on the line right after the previous one belongs to the same page.
    if (last && /^\s*$/u.test(text.slice(previousEnd, match.index)) && !text.slice(previousEnd, match.index).includes('\n\n')) {
      for (const note of notes) last.notes.push(note);
    } else {
      groups.push({ notes, scopeStart: Math.max(previousEnd, match.index - MAX_ASTERISK_DISTANCE) });
    }
    previousEnd = lineEnd;
  }
  return groups;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let stop = end;
  while (stop > start && /\s/u.test(text[stop - 1] ?? '')) stop -= 1;
  return stop;
}

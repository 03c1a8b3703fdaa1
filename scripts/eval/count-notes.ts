/**
 * Counts what the import made of a volume's notes (`npm run eval:notes`, the corpus tests): the
 * numbered endnotes stored as notes or left as paragraphs, the author's asterisk notes, and the
 * references linked to them. Pure; works on the rows of the volume's parts.
 */
import type { SegmentRow } from '../../lib/segment/build-segment-rows';

export interface NoteCounts {
  /** The highest number of a numbered note, read as a note or left as a paragraph starting with it: the volume's numbered notes run 1…N. */
  numberedNotes: number;
  /** Numbered notes stored as notes (FOOTNOTE rows). */
  numberedNotesRecognised: number;
  /** Numbers 1…N with no note of their own. */
  numberedNotesMissing: string[];
  /** References linked to a numbered note, and the distinct notes they reach. */
  numberedRefs: number;
  numberedNotesReferenced: number;
  /** Numbered notes no reference reaches. */
  numberedNotesUnreferenced: string[];
  /** Asterisk notes (`*`, `**`) stored as notes, references linked to them, and notes no reference reaches. */
  asteriskNotes: number;
  asteriskRefs: number;
  asteriskNotesUnreferenced: number;
  /** References whose note is not stored anywhere in the volume. */
  danglingRefs: number;
  /**
   * References to notes that name the page they are referred from (a book's notes ending
   * `… p. 189`): how many of those stand on that page (or on the page before it when the cleanup
   * found no anchor for it), and those that do not.
   */
  refsOnNamedPage: number;
  refsWithNamedPage: number;
  refsOffNamedPage: string[];
}

const NUMBERED = /^\d{1,3}$/u;
const ASTERISK = /^\*{1,3}$/u;
/** A paragraph whose first sentence begins with a note number followed by a capital: a note left as a paragraph. */
const NOTE_AS_TEXT = /^(\d{1,3}) [\p{Lu}“"‘(]/u;

/** A note that ends by naming the page it is referred from: `… p. 189`. */
const NAMED_PAGE = /\bp\. ?(\d{1,4}|[IVXLC]{1,7})\.?$/u;

/** The key a note is linked by (its own label when it has none). */
const noteKeyOf = (row: SegmentRow): string => (row as SegmentRow & { noteKey?: string }).noteKey ?? row.label ?? '';
const refKeyOf = (ref: { label: string }): string => (ref as { key?: string }).key ?? ref.label;

/** `notesPartTitle` names the part (work) that holds the volume's numbered notes. */
export function countNotes(parts: readonly { title: string; rows: readonly SegmentRow[] }[], notesPartTitle: RegExp = /^notes$/iu): NoteCounts {
  const notes = new Map<string, SegmentRow>();
  const numbered = new Set<number>();
  let asteriskNotes = 0;
  for (const part of parts) {
    for (const row of part.rows) {
      if (row.kind !== 'FOOTNOTE') continue;
      notes.set(noteKeyOf(row), row);
      if (NUMBERED.test(row.label ?? '')) numbered.add(Number(row.label));
      else if (ASTERISK.test(row.label ?? '')) asteriskNotes += 1;
    }
  }
  // The highest note number, whether read as a note or left as a paragraph of the notes part.
  let highest = Math.max(0, ...numbered);
  for (const part of parts.filter((p) => notesPartTitle.test(p.title.trim()))) {
    part.rows.forEach((row, index) => {
      if (row.kind !== 'PARAGRAPH') return;
      const first = part.rows[index + 1];
      const match = first?.parentIndex === index ? NOTE_AS_TEXT.exec(first.text ?? '') : null;
      if (match && Number(match[1]) <= highest + 5) highest = Math.max(highest, Number(match[1]));
    });
  }
  const referenced = new Set<string>();
  let numberedRefs = 0;
  let asteriskRefs = 0;
  let danglingRefs = 0;
  let refsOnNamedPage = 0;
  let refsWithNamedPage = 0;
  const refsOffNamedPage: string[] = [];
  let page: string | null = null;
  // A page the cleanup found no anchor for reads as the page before it.
  const anchored = new Set(parts.flatMap((part) => part.rows.flatMap((row) => row.pages.map((p) => p.label))));
  for (const part of parts) {
    for (const row of part.rows) {
      const pages = [...row.pages].sort((a, b) => a.offset - b.offset);
      for (const ref of row.footnoteRefs ?? []) {
        const note = notes.get(refKeyOf(ref));
        if (!note) {
          danglingRefs += 1;
          continue;
        }
        const named = NAMED_PAGE.exec(note.text ?? '')?.[1];
        if (named) {
          const here = pages.filter((p) => p.offset <= ref.offset).at(-1)?.label ?? page;
          refsWithNamedPage += 1;
          if (here === named || (!anchored.has(named) && isJustBefore(here, named))) refsOnNamedPage += 1;
          else refsOffNamedPage.push(`${note.label}${ref.label === note.label ? '' : ` (marker ${ref.label})`} on p. ${here ?? '?'}, note names p. ${named}`);
        }
        referenced.add(noteKeyOf(note));
        if (NUMBERED.test(note.label ?? '')) numberedRefs += 1;
        else if (ASTERISK.test(note.label ?? '')) asteriskRefs += 1;
      }
      page = pages.at(-1)?.label ?? page;
    }
  }
  const missing: string[] = [];
  for (let n = 1; n <= highest; n += 1) if (!numbered.has(n)) missing.push(String(n));
  const all = [...notes.values()];
  return {
    numberedNotes: highest,
    numberedNotesRecognised: numbered.size,
    numberedNotesMissing: missing,
    numberedRefs,
    numberedNotesReferenced: all.filter((row) => NUMBERED.test(row.label ?? '') && referenced.has(noteKeyOf(row))).length,
    numberedNotesUnreferenced: all.filter((row) => NUMBERED.test(row.label ?? '') && !referenced.has(noteKeyOf(row))).map((row) => row.label ?? ''),
    asteriskNotes,
    asteriskRefs,
    asteriskNotesUnreferenced: all.filter((row) => ASTERISK.test(row.label ?? '') && !referenced.has(noteKeyOf(row))).length,
    danglingRefs,
    refsOnNamedPage,
    refsWithNamedPage,
    refsOffNamedPage,
  };
}

/** `here` is the page before `named`, or a front-matter page before page 1, with no anchored page between. */
function isJustBefore(here: string | null, named: string): boolean {
  if (here === null) return false;
  if (!/^\d+$/u.test(here)) return named === '1';
  return Number(here) < Number(named) && Number(named) - Number(here) <= 2;
}

/** Asterisk notes as the upload prints them: lines that begin with one to three stars and a capital. */
export function countAsteriskNoteLines(text: string): number {
  return text.match(/^[ \t]*\*{1,3}[ \t]?[\p{Lu}“"‘(]/gmu)?.length ?? 0;
}

/**
 * Proposes splitting an anthology — a collection of short pieces with no table of contents — into
 * its pieces, found by their structure. Pure (layer 0): runs in the import preview too.
 *
 * A piece reads: a title line; perhaps a byline (`by ANDREW ROTHSTEIN, …`); its text; then its
 * **colophon**: an attribution (`V. I. LENIN (1903)`, `Kim Jong il (1996), “…”`) and/or a source
 * line (`Source: Iskra, No. 51, …`, `Available at http://…`); then perhaps a line of tags. The next
 * piece's title follows. So:
 * - a colophon ends a piece only when a title line (or the end of the text) follows it, perhaps
 *   after a tags line: an attribution quoted inside an article, followed by more prose, ends nothing;
 * - after a colophon, of two title lines the first is the tags line and the second the title,
 *   unless the second repeats the first (a page printing its title twice) — one title line is the
 *   title. A title line followed by a byline begins a piece even without a colophon before it (a
 *   piece whose colophon the source lost);
 * - the text is an anthology only when at least {@link MIN_COLOPHONS} pieces end with a colophon,
 *   and at least half of all pieces do: ordinary prose, an interview or an essay with one
 *   `Source:` line never splits.
 * The attribution, source and tags lines and a repeated title are the pieces' metadata, listed as
 * `omitted` ranges so the import does not make text of them.
 */
import { hasTitleShape, isTagsLine, MAX_FRAME_LINE, parseAttribution, parseByline, parseSourceLine, parseTags, sameTitle, type Attribution, type SourceLine } from './anthology-lines';
import type { SplitProposal, TextRange, WorkSplit } from './detect-works';
import { splitLines } from '../text-lines';

/** What a piece of an anthology records about itself, besides its title. */
export interface PieceMetadata {
  /** From its attribution or byline, in readable case; null when it names nobody. */
  author: string | null;
  /** From its attribution (`1903`); null when it has none. */
  dateText: string | null;
  /** The publication its source line (or attribution) cites; null when none. */
  citation: string | null;
  /** The http(s) address its source line gives; null when none. */
  url: string | null;
  /** Its tags line, as tags. */
  tags: string[];
}

/** Fewest pieces that must end with a colophon for the text to be read as an anthology. */
const MIN_COLOPHONS = 3;
/** An anthology of more pieces than this is no upload's: the proposal is refused. */
const MAX_PIECES = 2_000;
/** Title lines read after a colophon before the next piece's text. */
const HEAD_LINES = 4;

interface Row {
  text: string;
  start: number;
  end: number;
  /** A blank line (or the start of the text) comes before it. */
  isSetApart: boolean;
  /** What the line reads as, worked out once (undefined: not yet). */
  read?: { attribution: Attribution | null; source: SourceLine | null; byline: string | null; isTitle: boolean };
}

/** What a row reads as: attribution, source line, byline or title line (each line parsed once, however often it is asked). */
function readRow(row: Row | undefined): NonNullable<Row['read']> {
  if (!row) return { attribution: null, source: null, byline: null, isTitle: false };
  if (!row.read) {
    const text = row.text.length <= MAX_FRAME_LINE ? row.text : '';
    const attribution = parseAttribution(text);
    const source = attribution ? null : parseSourceLine(text);
    const byline = attribution || source ? null : parseByline(text);
    row.read = { attribution, source, byline, isTitle: !attribution && !source && !byline && hasTitleShape(text) };
  }
  return row.read;
}

interface Piece {
  title: string;
  titleRow: number;
  start: number;
  attribution: Attribution | null;
  source: SourceLine | null;
  byline: string | null;
  tags: string[];
  omitted: TextRange[];
  hasColophon: boolean;
}

/** The non-blank lines, trimmed, with their offsets. */
function rowsOf(text: string): Row[] {
  const rows: Row[] = [];
  let isSetApart = true;
  for (const line of splitLines(text)) {
    const trimmed = line.text.trim();
    if (trimmed === '') {
      isSetApart = true;
      continue;
    }
    const start = line.start + (line.text.length - line.text.trimStart().length);
    rows.push({ text: trimmed, start, end: start + trimmed.length, isSetApart });
    isSetApart = false;
  }
  return rows;
}

const rangeOf = (row: Row): TextRange => ({ start: row.start, end: row.end });
const readable = (row: Row | undefined): string => (row && row.text.length <= MAX_FRAME_LINE ? row.text : '');
const isTitleRow = (row: Row | undefined) => readRow(row).isTitle;

/** The colophon starting at row `index`: its rows and what they say, or null. */
function colophonAt(rows: readonly Row[], index: number): { last: number; attribution: Attribution | null; source: SourceLine | null } | null {
  const { attribution } = readRow(rows[index]);
  if (attribution) {
    const { source } = readRow(rows[index + 1]);
    return source ? { last: index + 1, attribution, source } : { last: index, attribution, source: null };
  }
  const { source } = readRow(rows[index]);
  return source ? { last: index, attribution: null, source } : null;
}

/**
 * Where the next piece begins after a colophon ending at row `last`: its title row and a tags row
 * before it, or null when prose follows (the colophon ends no piece). `end` when the text ends.
 */
function headAfter(rows: readonly Row[], last: number): { tags: number | null; title: number } | 'end' | null {
  if (last + 1 >= rows.length) return 'end';
  const heads: number[] = [];
  for (let index = last + 1; index < rows.length && heads.length < HEAD_LINES && isTitleRow(rows[index]); index += 1) heads.push(index);
  const [first, second] = heads;
  if (first === undefined) {
    // A tags line closing the text.
    return last + 2 === rows.length && isTagsLine(readable(rows[last + 1])) ? 'end' : null;
  }
  if (second === undefined) return last + 2 === rows.length && isTagsLine(readable(rows[first])) ? 'end' : { tags: null, title: first };
  const isRepeated = sameTitle(readable(rows[first]), readable(rows[second]));
  return !isRepeated && isTagsLine(readable(rows[first])) ? { tags: first, title: second } : { tags: null, title: first };
}

function newPiece(rows: readonly Row[], titleRow: number): Piece {
  const row = rows[titleRow] as Row;
  const piece: Piece = { title: row.text.replace(/\s+/gu, ' '), titleRow, start: row.start, attribution: null, source: null, byline: null, tags: [], omitted: [], hasColophon: false };
  const next = rows[titleRow + 1];
  if (next && sameTitle(next.text, row.text)) piece.omitted.push(rangeOf(next));
  const bylineRow = next && sameTitle(next.text, row.text) ? rows[titleRow + 2] : next;
  piece.byline = readRow(bylineRow).byline;
  return piece;
}

/** Whether row `index` begins a piece by itself: a title line set apart, with a byline under it. */
function isTitleWithByline(rows: readonly Row[], index: number): boolean {
  const row = rows[index];
  return Boolean(row?.isSetApart && isTitleRow(row) && readRow(rows[index + 1]).byline !== null);
}

/**
 * Detects the pieces of an anthology in a cleaned text. Returns null when the text is no
 * anthology (see the module comment): too few pieces end with an attribution or a source line.
 */
export function detectAnthology(cleaned: { text: string }): SplitProposal | null {
  const { text } = cleaned;
  const rows = rowsOf(text);
  const pieces: Piece[] = [];
  let current: Piece | null = isTitleRow(rows[0]) ? newPiece(rows, 0) : null;
  let index = current ? current.titleRow + 1 : 0;
  while (index < rows.length) {
    if (pieces.length > MAX_PIECES) return null;
    if (current && index > current.titleRow + 1 && isTitleWithByline(rows, index)) {
      pieces.push(current);
      current = newPiece(rows, index);
      index += 1;
      continue;
    }
    const colophon = colophonAt(rows, index);
    const head = colophon ? headAfter(rows, colophon.last) : null;
    if (!colophon || head === null) {
      // Text before the first piece's title (an anthology's own introduction) stays front matter.
      if (!current && isTitleWithByline(rows, index)) current = newPiece(rows, index);
      index += 1;
      continue;
    }
    if (current) {
      current.attribution = colophon.attribution;
      current.source = colophon.source;
      current.hasColophon = true;
      for (let row = index; row <= colophon.last; row += 1) current.omitted.push(rangeOf(rows[row] as Row));
      const tagsRow = head === 'end' ? (colophon.last + 1 < rows.length ? colophon.last + 1 : null) : head.tags;
      if (tagsRow !== null) {
        current.tags = parseTags(rows[tagsRow]?.text ?? '');
        current.omitted.push(rangeOf(rows[tagsRow] as Row));
      }
      pieces.push(current);
    }
    if (head === 'end') {
      current = null;
      break;
    }
    current = newPiece(rows, head.title);
    index = head.title + 1;
  }
  if (current) pieces.push(current);
  if (pieces.length > MAX_PIECES) return null;

  const withColophon = pieces.filter((piece) => piece.hasColophon).length;
  if (pieces.length < 2 || withColophon < MIN_COLOPHONS || withColophon * 2 < pieces.length) return null;

  const works: WorkSplit[] = [];
  const firstStart = pieces[0]?.start ?? 0;
  const hasFrontMatter = text.slice(0, firstStart).trim() !== '';
  if (hasFrontMatter) works.push({ title: 'Front matter', kind: 'front-matter', start: 0, end: firstStart, contentsIndex: null, firstPage: null, locatedBy: 'none' });
  pieces.forEach((piece, position) => {
    works.push({
      title: piece.title,
      kind: 'work',
      start: position === 0 && !hasFrontMatter ? 0 : piece.start,
      end: pieces[position + 1]?.start ?? text.length,
      contentsIndex: null,
      firstPage: null,
      locatedBy: 'structure',
      metadata: {
        author: piece.attribution?.author ?? piece.byline,
        dateText: piece.attribution?.dateText ?? null,
        citation: piece.source?.citation ?? piece.attribution?.citation ?? null,
        url: piece.source?.url ?? null,
        tags: piece.tags,
      },
      omitted: piece.omitted,
    });
  });
  const summary = `${pieces.length} pieces found by their structure, ${withColophon} ending with an attribution or a source line`;
  return { method: 'anthology', contents: [], contentsRange: { start: 0, end: 0 }, works, unmatched: [], summary };
}

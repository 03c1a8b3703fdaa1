/**
 * Others' carets and selections drawn in a mirror of a draft: the text is cut into pieces at every
 * caret and selection edge, so the mirror (same font and wrapping as the textarea, text
 * invisible) puts a coloured bar or highlight exactly where each person is.
 */

export interface RemoteCaret {
  /** Who, for the label and the colour. */
  session: string;
  name: string;
  color: string;
  /** Selection edges in the draft (anchor and head, any order); equal for a plain caret. */
  anchor: number;
  head: number;
}

export type CaretPiece =
  | { kind: 'text'; text: string; highlights: string[] }
  | { kind: 'caret'; session: string; name: string; color: string };

/** The pieces of `text` with every caret at its place and selected ranges carrying the selectors' colours. */
export function caretSegments(text: string, carets: readonly RemoteCaret[]): CaretPiece[] {
  const clamp = (index: number) => Math.min(Math.max(Math.round(index), 0), text.length);
  const ranges = carets.map((caret) => {
    const [from, to] = [clamp(caret.anchor), clamp(caret.head)].sort((a, b) => a - b) as [number, number];
    return { ...caret, from, to, at: clamp(caret.head) };
  });
  const cuts = [...new Set([0, text.length, ...ranges.flatMap((range) => [range.from, range.to, range.at])])].sort((a, b) => a - b);
  const pieces: CaretPiece[] = [];
  for (let i = 0; i < cuts.length; i += 1) {
    const at = cuts[i] as number;
    for (const range of ranges) if (range.at === at) pieces.push({ kind: 'caret', session: range.session, name: range.name, color: range.color });
    const next = cuts[i + 1];
    if (next === undefined || next === at) continue;
    const highlights = ranges.filter((range) => range.from <= at && range.to >= next && range.from !== range.to).map((range) => range.color);
    pieces.push({ kind: 'text', text: text.slice(at, next), highlights });
  }
  return pieces;
}

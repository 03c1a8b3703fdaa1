// How a footnote marker is written in a translation. The source keeps its footnote references as
// data beside the text (`footnote_ref`: the label and the offset where the marker stood), and the
// editor shows them raised in the original (¹, *). A translation marks the same place in its
// text with the same marker as characters: raised digits for a numbered note (¹², as the editor
// shows them and its "insert" offers), the note's own symbols for the others (*, **, †).
// Browser-safe: the editor renders markers with these too.

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The marker of a note as a translation writes it: "12" → "¹²", "*" → "*". */
export function markerText(label: string): string {
  return /^\d+$/u.test(label) ? [...label].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)] ?? digit).join('') : label;
}

/** A marker written in a translation: its label ("12", "*") and where it stands. */
export interface TargetMarker {
  label: string;
  start: number;
  end: number;
}

/**
 * The footnote markers written in a text: runs of raised digits (not ² or ³ right after a unit:
 * m², км³), runs of asterisks right after a word or punctuation (word*, “…”** — never a lone
 * "* * *"), and daggers. Linear.
 */
export function findMarkers(text: string): TargetMarker[] {
  const markers: TargetMarker[] = [];
  for (const match of text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=[^\s*])\*+|†+|‡+/gu)) {
    const raw = match[0];
    const start = match.index;
    if (SUPERSCRIPT_DIGITS.includes(raw.charAt(0))) {
      if (/^[²³]$/u.test(raw) && /(?:^|[^\p{L}])(?:m|cm|mm|km|dm|м|см|мм|км|дм)$/u.test(text.slice(Math.max(0, start - 4), start))) continue;
      markers.push({ label: [...raw].map((char) => String(SUPERSCRIPT_DIGITS.indexOf(char))).join(''), start, end: start + raw.length });
      continue;
    }
    markers.push({ label: raw, start, end: start + raw.length });
  }
  return markers;
}

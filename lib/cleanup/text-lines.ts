/** One line of a text with its offsets; `end` excludes the line break, `next` is where the following line starts. */
export interface TextLine {
  text: string;
  start: number;
  end: number;
  next: number;
}

/** Splits a text into lines with offsets (handles \n and \r\n). */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const stop = newline < 0 ? text.length : newline;
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    lines.push({ text: text.slice(start, end), start, end, next: newline < 0 ? text.length : newline + 1 });
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

/** Whether a line is empty or white space only (a gap between blocks or pages). */
export function isBlank(line: string): boolean {
  return line.trim().length === 0;
}

/** The q-quantile (0..1) of line lengths of the non-blank lines, trailing white space ignored. */
export function lineLengthQuantile(lines: readonly TextLine[], q: number): number {
  const lengths = lines.filter((line) => !isBlank(line.text)).map((line) => line.text.trimEnd().length).sort((a, b) => a - b);
  if (lengths.length === 0) return 0;
  return lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))] ?? 0;
}

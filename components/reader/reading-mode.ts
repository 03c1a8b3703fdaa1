/** The three ways to read a work. */
export const READING_MODES = ['single', 'parallel', 'pages'] as const;
export type ReadingMode = (typeof READING_MODES)[number];

/** Names of the modes: `title` on the work page, `tab` (short enough for a phone) in the reader. */
export const READING_MODE_LABELS: Record<ReadingMode, { title: string; tab: string; description: string }> = {
  single: { title: 'Single language', tab: 'Single', description: 'One language as continuous prose, with headings and footnotes.' },
  parallel: { title: 'Parallel', tab: 'Parallel', description: 'The original and a translation side by side, aligned sentence by sentence.' },
  pages: { title: 'Printed pages', tab: 'Pages', description: 'The original with the page numbers of the printed edition in the margin.' },
};

export function isReadingMode(value: unknown): value is ReadingMode {
  return typeof value === 'string' && (READING_MODES as readonly string[]).includes(value);
}

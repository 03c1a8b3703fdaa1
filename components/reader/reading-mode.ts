/** The three ways to read a work. */
export const READING_MODES = ['single', 'parallel', 'pages'] as const;
export type ReadingMode = (typeof READING_MODES)[number];

// The modes' names are messages `readingModes.<mode>Title` (the work page), `<mode>Tab` (short
// enough for a phone, the reader) and `<mode>Description`, in lib/i18n/messages.

export function isReadingMode(value: unknown): value is ReadingMode {
  return typeof value === 'string' && (READING_MODES as readonly string[]).includes(value);
}

/**
 * The reader's comfort settings, kept per browser in one small cookie so that the server renders
 * the text at the chosen size on the first paint (no inline script, no reflow after hydration).
 * The cookie holds two step indexes, never sizes: the sizes live in app/globals.css, keyed by the
 * `data-reading-size` and `data-reading-leading` attributes of the reader's page. Pure: used by
 * the reader page (server) and the settings control (browser).
 */

/** The text sizes offered, as factors of the standard size (the standard is the second step). */
export const READING_SIZE_STEPS = [0.85, 1, 1.15, 1.3, 1.5] as const;
/** The line spacings offered, as CSS `line-height` factors. */
export const READING_LEADING_STEPS = [1.5, 1.75, 2] as const;

export interface ReadingSettings {
  /** Index into READING_SIZE_STEPS. */
  size: number;
  /** Index into READING_LEADING_STEPS. */
  leading: number;
}

export const DEFAULT_READING_SETTINGS: ReadingSettings = { size: 1, leading: 1 };

/** The cookie's name; its value is `<size>-<leading>`, e.g. `2-1`. */
export const READING_SETTINGS_COOKIE = 'reading';
/** A year: the choice is a lasting preference of this browser. */
export const READING_SETTINGS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

function stepIndex(raw: string | undefined, count: number): number | null {
  if (raw === undefined || !/^\d$/u.test(raw)) return null;
  const index = Number(raw);
  return index < count ? index : null;
}

/** The settings a cookie value names; anything else (absent, malformed, out of range) gives the defaults. */
export function parseReadingSettings(value: string | undefined | null): ReadingSettings {
  const [rawSize, rawLeading, ...rest] = (value ?? '').split('-');
  const size = stepIndex(rawSize, READING_SIZE_STEPS.length);
  const leading = stepIndex(rawLeading, READING_LEADING_STEPS.length);
  if (size === null || leading === null || rest.length > 0) return DEFAULT_READING_SETTINGS;
  return { size, leading };
}

export function formatReadingSettings(settings: ReadingSettings): string {
  return `${settings.size}-${settings.leading}`;
}

/** The attributes of the element whose reading text follows the settings (see `.reading` in app/globals.css). */
export function readingSettingsAttributes(settings: ReadingSettings): { 'data-reading-size': number; 'data-reading-leading': number } {
  return { 'data-reading-size': settings.size, 'data-reading-leading': settings.leading };
}

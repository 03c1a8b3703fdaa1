/** TMX 1.4b's one date format: `YYYYMMDDThhmmssZ` (ISO 8601 basic, UTC). */
const TMX_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/u;

/** A date as TMX writes it: `20240315T142501Z` (UTC, whole seconds). Pure. */
export function formatTmxDate(date: Date): string {
  return date.toISOString().replace(/[-:]/gu, '').replace(/\.\d{3}/u, '');
}

/**
 * A TMX date read back; null when the value is absent, not in the format, not a real date (month
 * 13, 30 February) or outside 1900 … next year (a typo or a placeholder, not a translation's date).
 */
export function parseTmxDate(value: string | undefined, now = new Date()): Date | null {
  const match = value === undefined ? null : TMX_DATE.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const isReal = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  if (!isReal || year < 1900 || year > now.getUTCFullYear() + 1) return null;
  return date;
}

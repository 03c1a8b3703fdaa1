import type { useFormatter } from 'next-intl';

/** The number formatter of next-intl (`useFormatter()` in a component, `await getFormatter()` on the server). */
export type NumberFormatter = Pick<ReturnType<typeof useFormatter>, 'number'>;

const KB = 1024;
const MB = 1024 * 1024;

/**
 * A file size in the interface's language with its unit: "5 MB", "2.5 MB", "128 kB", "300 bytes"
 * («5 МБ», «2,5 МБ», «128 кБ», «300 байт»). Megabytes with one decimal unless whole, kilobytes
 * rounded, as the server's messages word them (`sizeInBytes` of lib/errors/error-text.ts).
 */
export function formatByteSize(bytes: number, format: NumberFormatter): string {
  if (bytes >= MB) {
    const digits = bytes % MB === 0 ? 0 : 1;
    return format.number(bytes / MB, { style: 'unit', unit: 'megabyte', minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  if (bytes >= KB) return format.number(Math.round(bytes / KB), { style: 'unit', unit: 'kilobyte' });
  return format.number(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
}

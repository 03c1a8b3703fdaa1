const LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'koi8-r': 'KOI8-R (Cyrillic)',
  'windows-1252': 'Windows-1252 (Western)',
};

/** "windows-1251" → "Windows-1251 (Cyrillic)": an encoding name as users know it. */
export function encodingLabel(encoding: string): string {
  return LABELS[encoding] ?? encoding.toUpperCase();
}

import type { ImportTranslator } from './cleanup-rule-text';

const KEYS = {
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'windows-1251': 'windows1251',
  'koi8-r': 'koi8r',
  'windows-1252': 'windows1252',
} as const;

/** "windows-1251" → "Windows-1251 (Cyrillic)": an encoding name as users know it, in the interface's language. */
export function encodingLabel(encoding: string, t: ImportTranslator): string {
  if (encoding === 'utf-8') return 'UTF-8';
  const key = KEYS[encoding as keyof typeof KEYS] as (typeof KEYS)[keyof typeof KEYS] | undefined;
  return key ? t(`encoding.${key}`) : encoding.toUpperCase();
}

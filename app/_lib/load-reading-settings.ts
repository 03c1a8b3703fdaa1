import 'server-only';

import { cookies } from 'next/headers';

import { parseReadingSettings, READING_SETTINGS_COOKIE, type ReadingSettings } from '@/lib/reader/reading-settings';

/** This browser's text size and line spacing for the reader, from its cookie (defaults without one). */
export async function loadReadingSettings(): Promise<ReadingSettings> {
  return parseReadingSettings((await cookies()).get(READING_SETTINGS_COOKIE)?.value);
}

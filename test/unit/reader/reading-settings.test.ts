import { describe, expect, it } from 'vitest';

import {
  DEFAULT_READING_SETTINGS,
  formatReadingSettings,
  parseReadingSettings,
  READING_LEADING_STEPS,
  READING_SIZE_STEPS,
  readingSettingsAttributes,
} from '../../../lib/reader/reading-settings';

describe('reading settings kept in a cookie', () => {
  it('reads back every pair of steps it writes', () => {
    for (let size = 0; size < READING_SIZE_STEPS.length; size += 1) {
      for (let leading = 0; leading < READING_LEADING_STEPS.length; leading += 1) {
        expect(parseReadingSettings(formatReadingSettings({ size, leading }))).toEqual({ size, leading });
      }
    }
  });

  it('falls back to the standard size and spacing for an absent, malformed or out-of-range value', () => {
    for (const value of [undefined, null, '', '2', '2-', '-1', '5-1', '2-3', '12-1', '2-1-0', 'a-b', ' 2-1', '2.1', '1e0-1']) {
      expect(parseReadingSettings(value)).toEqual(DEFAULT_READING_SETTINGS);
    }
  });

  it('has the standard steps as defaults: a size factor of 1 and a leading of 1.75', () => {
    expect(READING_SIZE_STEPS[DEFAULT_READING_SETTINGS.size]).toBe(1);
    expect(READING_LEADING_STEPS[DEFAULT_READING_SETTINGS.leading]).toBe(1.75);
  });

  it('marks the page with the steps as data attributes', () => {
    expect(readingSettingsAttributes({ size: 3, leading: 0 })).toEqual({ 'data-reading-size': 3, 'data-reading-leading': 0 });
  });
});

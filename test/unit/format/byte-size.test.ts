import { createFormatter } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { formatByteSize } from '../../../components/format/byte-size';

describe('formatByteSize', () => {
  it('words a size with its unit in the interface’s language', () => {
    const english = createFormatter({ locale: 'en' });
    const russian = createFormatter({ locale: 'ru' });
    expect([10 * 1024 * 1024, 2.5 * 1024 * 1024, 128 * 1024, 300].map((bytes) => formatByteSize(bytes, english))).toEqual(['10 MB', '2.5 MB', '128 kB', '300 bytes']);
    expect([10 * 1024 * 1024, 2.5 * 1024 * 1024, 128 * 1024, 300, 2].map((bytes) => formatByteSize(bytes, russian))).toEqual(['10 МБ', '2,5 МБ', '128 кБ', '300 байт', '2 байта']);
  });
});

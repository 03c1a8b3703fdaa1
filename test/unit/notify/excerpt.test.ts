import { describe, expect, it } from 'vitest';

import { oneLineExcerpt } from '../../../lib/notify/excerpt';

describe('oneLineExcerpt', () => {
  it('puts a text on one line', () => {
    expect(oneLineExcerpt('  The first line,\n\tand   the second.  ')).toBe('The first line, and the second.');
  });

  it('cuts a long text at the limit, with an ellipsis', () => {
    const excerpt = oneLineExcerpt('word '.repeat(100), 20);
    expect(excerpt).toHaveLength(20);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(oneLineExcerpt('a'.repeat(160))).toBe('a'.repeat(160));
    expect(oneLineExcerpt('a'.repeat(161))).toBe(`${'a'.repeat(159)}…`);
  });

  it('keeps a suggested text as written: no mention syntax is read into it', () => {
    expect(oneLineExcerpt('@[Ada](0190a6c1-0000-7000-8000-000000000001) wrote')).toBe('@[Ada](0190a6c1-0000-7000-8000-000000000001) wrote');
  });
});

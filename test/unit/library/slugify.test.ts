import { describe, expect, it } from 'vitest';

import { slugify } from '../../../lib/library/slugify';

describe('slugify', () => {
  it('keeps ASCII letters and digits, joins the rest with dashes', () => {
    expect(slugify('Collected Works, vol. 8')).toBe('collected-works-vol-8');
    expect(slugify('  Ça va? — Oui!  ')).toBe('ca-va-oui');
  });

  it('transliterates Cyrillic', () => {
    expect(slugify('Сочинения, том 8')).toBe('sochineniia-tom-8');
  });

  it('never returns an empty slug', () => {
    expect(slugify('!!!')).toBe('untitled');
  });
});

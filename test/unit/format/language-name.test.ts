import { describe, expect, it } from 'vitest';

import { languageLabel, languageName, languageNames } from '../../../components/format/language-name';

describe('languageName', () => {
  it('names a language in the interface’s language, each interface language on its own', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('fr', 'ru')).toBe('французский');
    // Asked again after the other language: each keeps its own names.
    expect(languageName('de', 'en')).toBe('German');
    expect(languageName('de', 'ru')).toBe('немецкий');
  });

  it('gives the tag back when it cannot name it', () => {
    expect(languageName('not a tag', 'ru')).toBe('not a tag');
    expect(languageName('fr', 'not a locale')).toBe('fr');
  });

  it('capitalises a name standing on its own', () => {
    expect(languageLabel('fr', 'ru')).toBe('Французский');
    expect(languageNames(['fr', 'ru'], 'ru')).toEqual({ fr: 'Французский', ru: 'Русский' });
  });
});

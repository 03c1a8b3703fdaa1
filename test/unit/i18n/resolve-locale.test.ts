import { describe, expect, it } from 'vitest';

import { languageCookie } from '../../../lib/i18n/language-cookie';
import { negotiateLocale } from '../../../lib/i18n/negotiate-locale';
import { resolveLocale } from '../../../lib/i18n/resolve-locale';

describe('the interface language of a request', () => {
  it('follows the browser’s Accept-Language, by preference and by region', () => {
    expect(negotiateLocale('ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ru');
    expect(negotiateLocale('en-GB,en;q=0.9,ru;q=0.8')).toBe('en');
    expect(negotiateLocale('de-DE,de;q=0.9,ru;q=0.5')).toBe('ru');
    expect(negotiateLocale('en;q=0.2,ru;q=0.9')).toBe('ru');
    expect(negotiateLocale('uk')).toBe('en');
  });

  it('is English for a missing, empty, wildcard or malformed header', () => {
    for (const header of [null, undefined, '', '*', '!!!,@@', 'x'.repeat(10_000), 'ru;q=nonsense,*;q=0.1']) expect(['en', 'ru']).toContain(negotiateLocale(header));
    expect(negotiateLocale(null)).toBe('en');
    expect(negotiateLocale('*')).toBe('en');
    expect(negotiateLocale('!!!,@@')).toBe('en');
  });

  it('takes the account’s setting first, then the header’s cookie, then the browser', () => {
    expect(resolveLocale({ accountLanguage: 'en', cookieLanguage: 'ru', acceptLanguage: 'ru' })).toBe('en');
    expect(resolveLocale({ accountLanguage: null, cookieLanguage: 'en', acceptLanguage: 'ru' })).toBe('en');
    expect(resolveLocale({ accountLanguage: null, cookieLanguage: null, acceptLanguage: 'ru' })).toBe('ru');
    expect(resolveLocale({})).toBe('en');
  });

  it('skips a setting or cookie that names no language of ours', () => {
    expect(resolveLocale({ accountLanguage: 'fr', cookieLanguage: 'ru', acceptLanguage: 'en' })).toBe('ru');
    expect(resolveLocale({ cookieLanguage: '../../etc/passwd', acceptLanguage: 'ru' })).toBe('ru');
    expect(resolveLocale({ cookieLanguage: 'constructor', acceptLanguage: 'ru' })).toBe('ru');
  });

  it('remembers the header’s choice in a site-wide, script-less cookie, secure over https', () => {
    expect(languageCookie('ru', { isSecure: false })).toBe('interface-language=ru; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly');
    expect(languageCookie('en', { isSecure: true })).toMatch(/; Secure$/);
  });
});

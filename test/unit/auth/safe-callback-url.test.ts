import { describe, expect, it } from 'vitest';

import { safeCallbackUrl } from '../../../lib/auth/safe-callback-url';

const ORIGIN = 'https://app.example.org';

describe('safeCallbackUrl', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeCallbackUrl('/works/abc/read?mode=parallel#s-1', ORIGIN)).toBe('/works/abc/read?mode=parallel#s-1');
    expect(safeCallbackUrl('/admin')).toBe('/admin');
    expect(safeCallbackUrl(`${ORIGIN}/import?x=1`, ORIGIN)).toBe('/import?x=1');
  });

  it('sends everything that a browser would resolve to another host to "/"', () => {
    for (const value of [
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      ' /\t/evil.example',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/.//evil.example',
      '/./\t/evil.example',
      'https://evil.example/',
      'http:evil.example',
      '//app.example.org@evil.example',
      `${ORIGIN}.evil.example/`,
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
    ]) {
      expect(safeCallbackUrl(value, ORIGIN), JSON.stringify(value)).toBe('/');
    }
  });

  it('refuses absolute URLs when the origin is not known', () => {
    expect(safeCallbackUrl(`${ORIGIN}/import`)).toBe('/');
  });

  it('never returns characters that break a header, and "/" for nothing or garbage', () => {
    expect(safeCallbackUrl('/works\n?q=a b\r')).toBe('/works?q=a%20b');
    expect(safeCallbackUrl('\n')).toBe('/');
    expect(safeCallbackUrl('')).toBe('/');
    expect(safeCallbackUrl(null)).toBe('/');
    expect(safeCallbackUrl('http://[::1')).toBe('/');
  });
});

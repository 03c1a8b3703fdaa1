import { afterEach, describe, expect, it } from 'vitest';

import { getEnv } from '../../../lib/config/env';
import { configuredProvider, machineTranslationOffer } from '../../../lib/machine-translation/configured-provider';
import { DeepLProvider } from '../../../lib/machine-translation/deepl-provider';
import { LibreTranslateProvider } from '../../../lib/machine-translation/libretranslate-provider';

const NAMES = ['MT_PROVIDER', 'LIBRETRANSLATE_URL', 'LIBRETRANSLATE_API_KEY', 'DEEPL_API_KEY', 'DEEPL_API_URL'] as const;
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));

function setEnv(variables: Partial<Record<(typeof NAMES)[number], string>>): void {
  for (const name of NAMES) delete process.env[name];
  Object.assign(process.env, variables);
}

afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('machine translation configuration', () => {
  it('is off when MT_PROVIDER is unset or empty, whatever else is set', () => {
    setEnv({ LIBRETRANSLATE_URL: 'http://127.0.0.1:5000', DEEPL_API_KEY: 'k' });
    expect(configuredProvider()).toBeNull();
    expect(machineTranslationOffer()).toBeNull();
    setEnv({ MT_PROVIDER: '', DEEPL_API_KEY: '' });
    expect(configuredProvider()).toBeNull();
  });

  it('builds the named provider from its variables', () => {
    setEnv({ MT_PROVIDER: 'libretranslate', LIBRETRANSLATE_URL: 'https://mt.example.org/lt', LIBRETRANSLATE_API_KEY: 'abc' });
    const libre = configuredProvider();
    expect(libre).toBeInstanceOf(LibreTranslateProvider);
    expect(libre?.baseUrl).toBe('https://mt.example.org/lt');
    expect(machineTranslationOffer()).toEqual({ provider: 'LIBRETRANSLATE', name: 'LibreTranslate' });

    setEnv({ MT_PROVIDER: 'deepl', DEEPL_API_KEY: 'f63c02c5-f056:fx' });
    const deepl = configuredProvider();
    expect(deepl).toBeInstanceOf(DeepLProvider);
    expect(deepl?.baseUrl).toBe('https://api-free.deepl.com');
    setEnv({ MT_PROVIDER: 'deepl', DEEPL_API_KEY: 'f63c02c5-f056', DEEPL_API_URL: 'http://127.0.0.1:8080' });
    expect(configuredProvider()?.baseUrl).toBe('http://127.0.0.1:8080');
  });

  it('refuses an incomplete or unsafe configuration at start-up, never echoing a key', () => {
    const invalid = (variables: Partial<Record<(typeof NAMES)[number], string>>) => {
      setEnv(variables);
      return () => getEnv();
    };
    expect(invalid({ MT_PROVIDER: 'libretranslate' })).toThrow(/LIBRETRANSLATE_URL/);
    expect(invalid({ MT_PROVIDER: 'deepl' })).toThrow(/DEEPL_API_KEY/);
    expect(invalid({ MT_PROVIDER: 'google' })).toThrow(/MT_PROVIDER/);
    expect(invalid({ MT_PROVIDER: 'libretranslate', LIBRETRANSLATE_URL: 'file:///etc/passwd' })).toThrow(/LIBRETRANSLATE_URL/);
    expect(invalid({ MT_PROVIDER: 'libretranslate', LIBRETRANSLATE_URL: 'https://user:pw@mt.example.org' })).toThrow(/LIBRETRANSLATE_URL/);
    expect(invalid({ MT_PROVIDER: 'deepl', DEEPL_API_KEY: 'secret key with spaces' })).toThrow(/DEEPL_API_KEY/);
    expect(invalid({ MT_PROVIDER: 'deepl', DEEPL_API_KEY: 'secret key with spaces' })).not.toThrow(/secret/);
  });
});

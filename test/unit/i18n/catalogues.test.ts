import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import type { Messages } from '../../../lib/i18n/load-messages';
import { LOCALES, type Locale } from '../../../lib/i18n/locales';

const DIR = path.resolve('lib/i18n/messages');

type Catalogue = { [key: string]: string | Catalogue };

async function catalogue(locale: string): Promise<Catalogue> {
  return JSON.parse(await readFile(path.join(DIR, `${locale}.json`), 'utf8')) as Catalogue;
}

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]`. */
function flatten(messages: Catalogue, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));
}

/** The arguments a message takes (`{count}`, `{name, select, …}`, `<link>…</link>`), sorted. */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): string[] {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    if (element.type === TYPE.tag) argumentsOf(element.children, found);
  }
  return [...found].sort();
}

/** The plural elements of a message, nested ones included. */
function pluralsOf(elements: MessageFormatElement[]): Extract<MessageFormatElement, { type: TYPE.plural }>[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.plural) return [element, ...Object.values(element.options).flatMap((option) => pluralsOf(option.value))];
    if (element.type === TYPE.select) return Object.values(element.options).flatMap((option) => pluralsOf(option.value));
    if (element.type === TYPE.tag) return pluralsOf(element.children);
    return [];
  });
}

/** A value of the right kind for each argument: numbers for plurals and numbers, dates, tags as functions. */
function sampleValues(elements: MessageFormatElement[], values: Record<string, unknown> = {}): Record<string, unknown> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.plural || element.type === TYPE.number) values[element.value] = 2;
    else if (element.type === TYPE.date || element.type === TYPE.time) values[element.value] = new Date(0);
    else if (element.type === TYPE.tag) values[element.value] = (chunks: string) => chunks;
    else values[element.value] ??= 'x';
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) sampleValues(option.value, values);
    if (element.type === TYPE.tag) sampleValues(element.children, values);
  }
  return values;
}

function parse(locale: string, message: string): MessageFormatElement[] {
  return new IntlMessageFormat(message, locale).getAst();
}

describe('interface catalogues (lib/i18n/messages)', () => {
  it('has one catalogue per language of lib/i18n/locales.ts, and no other', async () => {
    const files = (await readdir(DIR)).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has exactly the keys of en', async (locale) => {
    const english = flatten(await catalogue('en')).map(([key]) => key);
    const other = flatten(await catalogue(locale)).map(([key]) => key);
    expect({ missing: english.filter((key) => !other.includes(key)), extra: other.filter((key) => !english.includes(key)) }).toEqual({ missing: [], extra: [] });
  });

  it.each(LOCALES)('every message of %s is valid ICU and takes the arguments of its English version', async (locale) => {
    const english = new Map(flatten(await catalogue('en')));
    const problems: string[] = [];
    for (const [key, message] of flatten(await catalogue(locale))) {
      let ast: MessageFormatElement[];
      try {
        ast = parse(locale, message);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
        continue;
      }
      const expected = argumentsOf(parse('en', english.get(key) ?? ''));
      if (JSON.stringify(argumentsOf(ast)) !== JSON.stringify(expected)) problems.push(`${key}: takes ${argumentsOf(ast).join(', ')}; en takes ${expected.join(', ')}`);
      if (message.trim() === '') problems.push(`${key}: empty`);
    }
    expect(problems).toEqual([]);
  });

  it.each(LOCALES)('every plural of %s has the forms its language needs', async (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const problems: string[] = [];
    for (const [key, message] of flatten(await catalogue(locale))) {
      for (const plural of pluralsOf(parse(locale, message))) {
        const missing = categories.filter((category) => !(category in plural.options));
        if (missing.length > 0) problems.push(`${key}: no ${missing.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('Russian plurals read as Russian: 1 секунду, 3 секунды, 5 и 11 секунд, 21 секунду', async () => {
    const t = createTranslator({ locale: 'ru', messages: (await catalogue('ru')) as unknown as Messages, namespace: 'auth', onError: (error) => { throw error; } });
    expect([1, 3, 5, 11, 21].map((count) => t('waitSeconds', { count }))).toEqual(['1 секунду', '3 секунды', '5 секунд', '11 секунд', '21 секунду']);
  });

  it('Russian text quotes with «ёлочки», never with straight quotes', async () => {
    // Messages showing what one types (the search syntax's "phrase") keep the typed quotes.
    const typed = new Set(['search.placeholder', 'concordance.placeholder']);
    const straight = flatten(await catalogue('ru')).filter(([key, message]) => !typed.has(key) && /["“”„]/.test(message)).map(([key]) => key);
    expect(straight).toEqual([]);
  });

  it('every key of every catalogue formats without error in its language', async () => {
    for (const locale of LOCALES as Locale[]) {
      const messages = await catalogue(locale);
      const t = createTranslator({ locale, messages, onError: (error) => { throw error; } });
      for (const [key, message] of flatten(messages)) {
        const values = sampleValues(parse(locale, message));
        expect(() => t.markup(key as never, values as never)).not.toThrow();
      }
    }
  });
});

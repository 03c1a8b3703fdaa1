import { baseLanguage } from '../text';

// Numbers written out in words, by the beginnings of their words: "fifteen", "fifteenth";
// "пять", "пятого", "пятью". Used only to excuse a small number written in digits in one text and
// in words in the other, so a loose match (a beginning shared with another word) costs little.

type WordTable = Record<number, readonly string[]>;

const EN: WordTable = {
  0: ['zero', 'nought'], 1: ['one', 'first', 'once', 'single'], 2: ['two', 'second', 'twice', 'both', 'pair', 'couple'], 3: ['three', 'third', 'thrice'], 4: ['four'], 5: ['five', 'fifth'], 6: ['six'],
  7: ['seven'], 8: ['eight'], 9: ['nine', 'ninth'], 10: ['ten'], 11: ['eleven'], 12: ['twelv', 'twelf', 'dozen'], 13: ['thirteen'], 14: ['fourteen'], 15: ['fifteen'],
  16: ['sixteen'], 17: ['seventeen'], 18: ['eighteen'], 19: ['nineteen'], 20: ['twent', 'score'], 30: ['thirt'], 40: ['fort'], 50: ['fift'], 60: ['sixt'],
  70: ['sevent'], 80: ['eight'], 90: ['ninet'], 100: ['hundred'], 1000: ['thousand'], 1000000: ['million'],
};

const RU: WordTable = {
  0: ['нол', 'нул'], 1: ['один', 'одн', 'перв', 'единств'], 2: ['два', 'две', 'двух', 'двум', 'двое', 'двоих', 'втор', 'оба', 'обе', 'пар'], 3: ['три', 'трех', 'трёх', 'трем', 'трём', 'трое', 'трет'],
  4: ['четыр', 'четвер'], 5: ['пят'], 6: ['шест'], 7: ['сем', 'седьм'], 8: ['восем', 'восьм'], 9: ['девят'], 10: ['десят', 'десяток'], 11: ['одиннадцат'],
  12: ['двенадцат', 'дюжин'], 13: ['тринадцат'], 14: ['четырнадцат'], 15: ['пятнадцат'], 16: ['шестнадцат'], 17: ['семнадцат'], 18: ['восемнадцат'], 19: ['девятнадцат'],
  20: ['двадцат'], 30: ['тридцат'], 40: ['сорок'], 50: ['пятьдесят', 'пятидесят'], 60: ['шестьдесят', 'шестидесят'], 70: ['семьдесят', 'семидесят'],
  80: ['восемьдесят', 'восьмидесят'], 90: ['девяност'], 100: ['сто', 'сот', 'ста'], 200: ['двест', 'двухсот', 'двумстам'], 300: ['трист', 'трехсот', 'трёхсот'],
  400: ['четырест', 'четырехсот', 'четырёхсот'], 500: ['пятьсот', 'пятисот'], 600: ['шестьсот', 'шестисот'], 700: ['семьсот', 'семисот'], 800: ['восемьсот', 'восьмисот'],
  900: ['девятьсот', 'девятисот'], 1000: ['тысяч'], 1000000: ['миллион'],
};

const DE: WordTable = {
  0: ['null'], 1: ['ein', 'erst', 'einmal'], 2: ['zwei', 'zweit', 'beid', 'paar'], 3: ['drei', 'dritt'], 4: ['vier'], 5: ['fünf'], 6: ['sechs'], 7: ['sieb'], 8: ['acht'], 9: ['neun'],
  10: ['zehn'], 11: ['elf'], 12: ['zwölf', 'dutzend'], 13: ['dreizehn'], 14: ['vierzehn'], 15: ['fünfzehn'], 16: ['sechzehn'], 17: ['siebzehn'], 18: ['achtzehn'], 19: ['neunzehn'],
  20: ['zwanzig'], 30: ['dreißig', 'dreissig'], 40: ['vierzig'], 50: ['fünfzig'], 60: ['sechzig'], 70: ['siebzig'], 80: ['achtzig'], 90: ['neunzig'], 100: ['hundert'], 1000: ['tausend'], 1000000: ['million'],
};

const FR: WordTable = {
  0: ['zéro'], 1: ['un', 'une', 'premi'], 2: ['deux', 'second', 'double', 'paire'], 3: ['trois'], 4: ['quatre', 'quatri'], 5: ['cinq'], 6: ['six', 'sixi'], 7: ['sept'], 8: ['huit'], 9: ['neuf', 'neuvi'],
  10: ['dix'], 11: ['onze'], 12: ['douze', 'douzaine'], 13: ['treize'], 14: ['quatorze'], 15: ['quinze'], 16: ['seize'], 17: ['dix-sept'], 18: ['dix-huit'], 19: ['dix-neuf'],
  20: ['vingt'], 30: ['trente'], 40: ['quarante'], 50: ['cinquante'], 60: ['soixante'], 70: ['soixante-dix'], 80: ['quatre-vingt'], 90: ['quatre-vingt-dix'], 100: ['cent'], 1000: ['mille', 'millier'], 1000000: ['million'],
};

const TABLES: Record<string, WordTable> = { en: EN, ru: RU, de: DE, fr: FR };

/**
 * The beginnings of the words that spell `value` in a language, each part one word, or null when
 * the tables cannot spell it: the numbers listed, 21–99 as tens and units, the rest as millions,
 * thousands, hundreds and the rest (1800: тысяча восемьсот; 4000: четыре тысячи; 250: two hundred
 * fifty). German glues its numbers into one word: only those listed are read.
 */
function spellings(value: number, table: WordTable, language: string): (readonly string[])[] | null {
  const whole = table[value];
  if (whole) return [whole];
  if (value > 20 && value < 100) {
    const tens = table[Math.floor(value / 10) * 10];
    const units = table[value % 10];
    return tens && units ? [tens, units] : null;
  }
  if (language === 'de') return germanCompound(value);
  if (value < 100 || value >= 1e9) return null;
  const parts: (readonly string[])[] = [];
  for (const unit of [1e6, 1e3]) {
    const count = Math.floor(value / unit) % 1000;
    if (count === 0) continue;
    const name = table[unit];
    if (!name) return null;
    if (count > 1) {
      const times = spellings(count, table, language);
      if (!times) return null;
      parts.push(...times);
    }
    parts.push(name);
  }
  const rest = value % 1000;
  const hundreds = Math.floor(rest / 100) * 100;
  if (hundreds > 0) {
    const named = table[hundreds];
    const times = hundreds > 100 && !named ? spellings(hundreds / 100, table, language) : [];
    const hundred = table[100];
    if (named) parts.push(named);
    else if (times && hundred) parts.push(...times, hundred);
    else return null;
  }
  if (rest % 100 > 0) {
    const small = spellings(rest % 100, table, language);
    if (!small) return null;
    parts.push(...small);
  }
  return parts;
}

const GERMAN_UNITS = ['', 'ein', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'];

/** Round German hundreds and thousands, written as one word: zweihundert, Achttausender, Siebentausendern. */
function germanCompound(value: number): (readonly string[])[] | null {
  for (const [unit, name] of [[1000, 'tausend'], [100, 'hundert']] as const) {
    const count = value / unit;
    if (Number.isInteger(count) && count >= 1 && count <= 9) return [[`${GERMAN_UNITS[count] ?? ''}${name}`]];
  }
  return null;
}

/**
 * Whether `words` (lower-cased words of a text in `language`) spell `value` out: every part of its
 * spelling begins one of the words (loosely: the parts are not checked to stand together).
 */
export function isSpelledOut(value: string, words: readonly string[], language: string): boolean {
  if (!/^\d+$/u.test(value)) return false;
  const lang = baseLanguage(language);
  const table = TABLES[lang];
  if (!table) return false;
  const parts = spellings(Number(value), table, lang);
  if (!parts) return false;
  return parts.every((beginnings) => words.some((word) => beginnings.some((beginning) => word.startsWith(beginning))));
}

import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The shared gold standards (../shared/align-eval/README.md), read at run time, never copied. */
const EVAL_ROOT = path.resolve(import.meta.dirname, '../../../shared/align-eval');

export interface AlignedPair {
  source: string;
  target: string;
}

function readLines(file: string): string[] {
  const lines = readFileSync(path.join(EVAL_ROOT, file), 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.replace(/\s+$/u, ''));
}

/** The one-to-one beads of a gold file (`[3]:[4]`), as pairs of lines. */
function oneToOne(sourceFile: string, targetFile: string, goldFile: string): AlignedPair[] {
  const source = readLines(sourceFile);
  const target = readLines(targetFile);
  const pairs: AlignedPair[] = [];
  for (const line of readLines(goldFile)) {
    const [left, right] = line.split(':').map((side) => JSON.parse(side) as number[]);
    if (left?.length !== 1 || right?.length !== 1) continue;
    const s = source[left[0] ?? -1];
    const t = target[right[0] ?? -1];
    if (s !== undefined && t !== undefined) pairs.push({ source: s, target: t });
  }
  return pairs;
}

/**
 * The Russian of the OPUS file typed as Russian books print it: `--` for the dash is an em dash,
 * straight quotes are «ёлочки» (opening after a space, a bracket or a dash, closing elsewhere).
 * The file's own slips (a dash glued to the word before it) are left as they are.
 */
function russianTypography(text: string): string {
  return text.replace(/--/gu, '—').replace(/"/gu, (_mark: string, offset: number, all: string) => (offset === 0 || /[\s([—]/u.test(all[offset - 1] ?? '') ? '«' : '»'));
}

/**
 * English–Russian: Anna Karenina, part 1 (Constance Garnett's English, Tolstoy's Russian), the
 * 7,536 one-to-one sentence pairs of the OPUS gold, English first.
 */
export function englishRussianPairs(): AlignedPair[] {
  return oneToOne('opus-books-en-ru-dev/dev.en', 'opus-books-en-ru-dev/dev.ru', 'opus-books-en-ru-dev/dev.enru').map((pair) => ({ source: pair.source, target: russianTypography(pair.target) }));
}

/**
 * Text+Berg's tokenised sentences set as printed: no space before , . ) or after ( and
 * apostrophes; French spaces its high marks and guillemets with a narrow no-break space, German
 * (Swiss: «…») not at all.
 */
function detokenize(text: string, language: 'de' | 'fr'): string {
  const common = text.replace(/ ([,.)\]])/gu, '$1').replace(/([([]) /gu, '$1').replace(/(\p{L}') /gu, '$1');
  return language === 'fr' ? common.replace(/ ([;:!?»])/gu, '\u202F$1').replace(/« /gu, '«\u202F') : common.replace(/ ([;:!?])/gu, '$1').replace(/« /gu, '«').replace(/ »/gu, '»');
}

/** German–French: the Text+Berg development and test articles (Swiss Alpine Club yearbooks, OCR'd), one-to-one pairs, German first. */
export function germanFrenchPairs(): AlignedPair[] {
  const documents = ['textberg-1957-dev/dev', ...[0, 1, 2, 3, 4, 5, 6].map((n) => `textberg-1989-test/test${n}`)];
  return documents.flatMap((document) => oneToOne(`${document}.de`, `${document}.fr`, `${document}.defr`).map((pair) => ({ source: detokenize(pair.source, 'de'), target: detokenize(pair.target, 'fr') })));
}

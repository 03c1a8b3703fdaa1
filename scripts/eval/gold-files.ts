import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The shared gold standards (../shared/align-eval/README.md). */
export const EVAL_ROOT = path.resolve(import.meta.dirname, '../../../shared/align-eval');

/** The English–Russian development set: Anna Karenina, part 1 (its README says where it comes from). */
export const EN_RU_DEV = {
  source: path.join(EVAL_ROOT, 'opus-books-en-ru-dev/dev.en'),
  target: path.join(EVAL_ROOT, 'opus-books-en-ru-dev/dev.ru'),
  gold: path.join(EVAL_ROOT, 'opus-books-en-ru-dev/dev.enru'),
};

/** Sentences are lines; the gold files' text may carry one trailing space per line, which is stripped. */
export function readSentences(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.replace(/\s+$/, ''));
}

/** The language of a gold file from its extension (`dev.ru` → "ru"), or `fallback`. */
export function languageOfFile(file: string, fallback: string): string {
  const extension = path.extname(file).slice(1);
  return /^[a-z]{2,3}$/u.test(extension) ? extension : fallback;
}

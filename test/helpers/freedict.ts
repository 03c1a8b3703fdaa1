import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/*
 * Made-up dictionaries in the FreeDict format that Debian's dict-freedict-* packages install
 * (lib/align/load-seed-lexicon.ts reads them): an index of `headword TAB offset TAB length` into
 * the gzip-compressed entries.
 */

/** dictd's base 64 (most significant digit first). */
export function dictNumber(value: number): string {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  do {
    out = digits[value % 64]! + out;
    value = Math.floor(value / 64);
  } while (value > 0);
  return out;
}

/** Writes a FreeDict-style dictionary (`name.index`, `name.dict.dz`) from entry texts keyed by their index headword. */
export function writeDictionary(directory: string, name: string, entries: readonly [string, string][]): void {
  const chunks: Buffer[] = [Buffer.from('00-database-info\nA made-up dictionary.\n')];
  const lines = [`00databaseinfo\t${dictNumber(0)}\t${dictNumber(chunks[0]!.length)}`];
  let offset = chunks[0]!.length;
  for (const [headword, text] of entries) {
    const bytes = Buffer.from(text, 'utf8');
    lines.push(`${headword}\t${dictNumber(offset)}\t${dictNumber(bytes.length)}`);
    chunks.push(bytes);
    offset += bytes.length;
  }
  writeFileSync(path.join(directory, `${name}.index`), `${lines.join('\n')}\n`);
  writeFileSync(path.join(directory, `${name}.dict.dz`), gzipSync(Buffer.concat(chunks)));
}

/** Letters-only headwords ("fillaaa", "fillaab", …) with one translation each, to reach the size a pair's dictionaries need. */
export function fillerEntries(count: number): [string, string][] {
  return Array.from({ length: count }, (_, index) => {
    let word = '';
    for (let rest = index, k = 0; k < 4; k++, rest = Math.floor(rest / 26)) word = String.fromCharCode(97 + (rest % 26)) + word;
    return [`fill${word}`, `Fill${word} <n>\nremplissage\n`];
  });
}


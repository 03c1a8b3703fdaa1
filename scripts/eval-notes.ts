/**
 * npm run eval:notes [-- --file FILE]
 *
 * Imports a volume (by default the OCR volume of the shared corpus) as `npm run import -- --split`
 * prepares it — decode, cleanup, split by the table of contents, segmentation — without a
 * database, and counts its notes: numbered endnotes stored as notes out of the numbers 1…N the
 * notes part holds, references linked to them, the author's asterisk notes (`* My italics.`) out
 * of the lines that print one, and the references linked to those (scripts/eval/count-notes.ts,
 * docs/import.md). The last line of output is one JSON object with the figures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { countAsteriskNoteLines, countNotes } from './eval/count-notes';
import { prepareVolume } from '../lib/import/prepare-text';

const DEFAULT_FILE = path.resolve(import.meta.dirname, '../../shared/corpus/stalin-works-vol8-ocr.en.txt');

function main(): number {
  const { values } = parseArgs({ options: { file: { type: 'string' } } });
  const file = values.file ?? DEFAULT_FILE;
  const bytes = readFileSync(file);
  const volume = prepareVolume({ bytes, filename: path.basename(file), language: 'en' });
  if (!volume) {
    console.error(`${file}: no table of contents to split by.`);
    return 1;
  }
  const counts = countNotes(volume.parts);
  const asteriskNoteLines = countAsteriskNoteLines(new TextDecoder().decode(bytes));
  console.log(`numbered notes recognised  ${counts.numberedNotesRecognised} / ${counts.numberedNotes}${counts.numberedNotesMissing.length ? ` (not: ${counts.numberedNotesMissing.join(', ')})` : ''}`);
  console.log(`numbered notes referenced  ${counts.numberedNotesReferenced} / ${counts.numberedNotesRecognised} by ${counts.numberedRefs} references${counts.numberedNotesUnreferenced.length ? ` (not: ${counts.numberedNotesUnreferenced.join(', ')})` : ''}`);
  console.log(`asterisk notes recognised  ${counts.asteriskNotes} / ${asteriskNoteLines} lines that print one`);
  console.log(`asterisk references        ${counts.asteriskRefs} (${counts.asteriskNotesUnreferenced} asterisk notes without one)`);
  console.log(`references to no note      ${counts.danglingRefs}`);
  console.log(`on the page the note names ${counts.refsOnNamedPage} / ${counts.refsWithNamedPage}${counts.refsOffNamedPage.length ? ` (not: ${counts.refsOffNamedPage.join('; ')})` : ''}`);
  console.log(JSON.stringify({ file: path.basename(file), ...counts, asteriskNoteLines }));
  return 0;
}

process.exitCode = main();

import { describe, expect, it } from 'vitest';

import { runCleanup } from '../../../lib/cleanup';

const towns = ['Arles', 'Bern', 'Cahors', 'Dole', 'Evora', 'Fano', 'Gap', 'Hue', 'Ieper', 'Jena', 'Kiel', 'Lund'];

/**
 * One printed page of a made-up volume: its head (if any) and a body that ends in the middle of a
 * sentence (`runsOn`) or with a full stop, starting in lowercase when the page before ran on.
 */
function page(p: number, head: string | null, { first, runsOn }: { first?: string; runsOn: boolean }): string {
  const town = towns[p - 1] ?? 'Metz';
  return [
    ...(head === null ? [] : [head]),
    first ?? `The bridge builders of ${town} worked with stone and timber,`,
    `and the masons of ${town} chose the stone and measured the`,
    `river at ${town} before the first arch was raised over it and`,
    ...Array.from({ length: 7 }, (_, k) => `the ${['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'][k]} of the arches of ${town} stood on the rock, and`),
    runsOn ? `the town council of ${town} paid the masons of the bridge for` : `the town council of ${town} paid for the whole bridge.`,
  ].join('\n');
}

const CONTENTS = [
  'CONTENTS',
  'ON BRIDGES . . . . . . . . . . . . . . . . . . . . 1',
  'A LETTER TO THE MASONS OF THE RIVER TOWNS . . . . 4',
  'THE LAST SPEECH . . . . . . . . . . . . . . . . . . 7',
].join('\n');

/**
 * Three works whose titles are printed as running heads on one or two pages only, too few to recur
 * as headers; the author's name heads the other pages often enough to be one.
 */
const VOLUME = [
  CONTENTS,
  page(1, 'ON BRIDGES', { runsOn: true }),
  page(2, 'J. SMITH 2', { runsOn: true, first: 'the work of all the years, and the bridge builders worked on,' }),
  // A head inside a sentence that runs on across the page break: it goes, the sentence joins.
  page(3, 'ON BRIDGES 3', { runsOn: false, first: 'and then they worked with stone and timber again, and' }),
  page(4, 'A LETTER TO THE MASONS OF THE RIVER TOWNS', { runsOn: false }),
  // A shortened head above a new paragraph: it goes too, not left as a heading.
  page(5, 'A LETTER TO THE MASONS 5', { runsOn: false }),
  page(6, 'J. SMITH 6', { runsOn: false }),
  page(7, 'THE LAST SPEECH', { runsOn: true }),
  // No numbered head on the pages around it, so its number is not the one expected next to them.
  page(8, null, { runsOn: true, first: 'while the river rose and the builders of the bridge worked on,' }),
  page(9, 'THE LAST SPEEGH 9', { runsOn: false, first: 'and the masons of the town worked on with stone and timber,' }),
  page(10, null, { runsOn: false }),
  page(11, null, { runsOn: false }),
  page(12, 'J. SMITH 12', { runsOn: false }),
].join('\n\n');

describe('running heads found by the table of contents', () => {
  const result = runCleanup(VOLUME);
  const lines = result.text.split('\n');

  it('removes a title printed once or twice at a page top with a later page of its work, rejoining the sentence it cut', () => {
    expect(lines.filter((line) => /^(?:ON BRIDGES|A LETTER TO THE MASONS|THE LAST SPEE)/u.test(line) && !line.includes('. .'))).toEqual(['ON BRIDGES', 'A LETTER TO THE MASONS OF THE RIVER TOWNS', 'THE LAST SPEECH']);
    expect(result.text).toContain('paid the masons of the bridge for the work of all the years');
    expect(result.text).toContain('paid the masons of the bridge for and then they worked');
    expect(result.text).toContain('paid the masons of the bridge for and the masons of the town worked on');
    expect(result.text.slice(result.text.indexOf('\n\n'))).not.toMatch(/\d$/mu);
    const at = (label: string) => result.text.slice(result.pages.find((anchor) => anchor.label === label)?.offset ?? -1);
    expect(result.pages.map((anchor) => anchor.label)).toEqual(['2', '3', '5', '6', '9', '12']);
    expect(at('3')).toMatch(/^and then they worked/u);
    expect(at('5')).toMatch(/^The bridge builders of Evora/u);
    expect(at('9')).toMatch(/^and the masons of the town/u);
    const removed = result.proposals.find((proposal) => proposal.ruleId === 'running-headers')?.data?.removedLines ?? [];
    expect(removed).toEqual(expect.arrayContaining(['ON BRIDGES 3', 'A LETTER TO THE MASONS 5', 'THE LAST SPEEGH 9']));
  });

  it('keeps a title whose number is its first page, a number outside its pages, and lines of the contents', () => {
    const text = VOLUME.replace('THE LAST SPEEGH 9', 'A LETTER TO THE MASONS 9').replace('THE LAST SPEECH\n', 'THE LAST SPEECH 7\n');
    const out = runCleanup(text).text;
    // Page 9 is not one of the letter's (pages 4 to 6), and page 7 is where "The Last Speech" begins.
    expect(out).toMatch(/^A LETTER TO THE MASONS 9$/mu);
    expect(out).toMatch(/^THE LAST SPEECH$/mu);
    expect(out).toContain('A LETTER TO THE MASONS OF THE RIVER TOWNS . . . . 4');
  });

  it('needs a table of contents: without it a title printed once keeps its place', () => {
    const text = VOLUME.replace(CONTENTS, 'A BOOK OF BRIDGES');
    expect(runCleanup(text).text).toMatch(/^THE LAST SPEEGH 9$/mu);
  });
});

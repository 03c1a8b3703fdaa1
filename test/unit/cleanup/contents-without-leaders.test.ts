import { describe, expect, it } from 'vitest';

import { runCleanup } from '../../../lib/cleanup';
import { detectWorks } from '../../../lib/cleanup/split';
import { findContents } from '../../../lib/cleanup/split/parse-contents';
import { splitLines } from '../../../lib/cleanup/text-lines';

const filler = (topic: string) =>
  `This paragraph says something about ${topic} at the length of a paragraph, so the piece is not only a heading; it goes on for a while and ends here.`;

/** The body of a made-up volume: a preface, three pieces and notes, each under its heading. */
const BODY = [
  'PREFACE',
  filler('the volume'),
  'ON THE FIRST QUESTION',
  filler('the first question'),
  filler('more of it'),
  'A Letter to the Editors',
  filler('the letter'),
  'The Third Speech, May 1, 1926',
  filler('the speech'),
  'NOTES',
  '1 A note on the letter.',
].join('\n\n');

const EXPECTED = [
  { title: 'Preface', page: 'v', level: 1 },
  { title: 'On the First Question', page: '1', level: 1 },
  { title: 'A Letter to the Editors', page: '3', level: 1 },
  { title: 'The Third Speech, May 1, 1926', page: '4', level: 1 },
  { title: 'Notes', page: '6', level: 1 },
];

const volume = (contents: string[], heading = 'CONTENTS') => ['COLLECTED TALKS', 'Volume One', '', heading, '', ...contents, '', BODY].join('\n');
const contentsOf = (text: string) => findContents(splitLines(text))?.entries ?? null;
const worksOf = (text: string) => detectWorks(runCleanup(text, { format: 'txt' }))?.works.map((part) => [part.title, part.kind]) ?? null;

describe('a table of contents without dot leaders', () => {
  const forms: Record<string, string[]> = {
    'pages after a run of spaces': ['Preface            v', 'On the First Question            1', 'A Letter to the Editors          3', 'The Third Speech, May 1, 1926     4', 'Notes              6'],
    'pages after a tab': ['Preface\tv', 'On the First Question\t1', 'A Letter to the Editors\t3', 'The Third Speech, May 1, 1926\t4', 'Notes\t6'],
    'pages after one space': ['Preface v', 'On the First Question 1', 'A Letter to the Editors 3', 'The Third Speech, May 1, 1926 4', 'Notes 6'],
    'pages on the line below the title': ['Preface', 'v', 'On the First Question', '1', 'A Letter to the Editors', '3', 'The Third Speech, May 1, 1926', '4', 'Notes', '6'],
    'pages below the title, blank lines between': ['Preface', '', 'v', '', 'On the First Question', '', '1', '', 'A Letter to the Editors', '', '3', '', 'The Third Speech, May 1, 1926', '', '4', '', 'Notes', '', '6'],
  };

  for (const [form, lines] of Object.entries(forms)) {
    it(`reads entries with ${form} and splits the volume by them`, () => {
      const text = volume(lines);
      expect(contentsOf(text)).toEqual(EXPECTED);
      expect(worksOf(text)).toEqual([
        ['Front matter', 'front-matter'],
        ['Preface', 'front-matter'],
        ['On the First Question', 'work'],
        ['A Letter to the Editors', 'work'],
        ['The Third Speech, May 1, 1926', 'work'],
        ['Notes', 'back-matter'],
      ]);
    });
  }

  it('reads titles wrapped over two lines and entries that line joining glued together', () => {
    const text = volume(['Preface v', 'On the First Question 1 I. Its Origins 1', 'II. Its Consequences 2', 'A Letter to the Editors of the', 'Daily Newspaper 3', 'Notes 6']);
    expect(contentsOf(text)).toEqual([
      { title: 'Preface', page: 'v', level: 1 },
      { title: 'On the First Question', page: '1', level: 1 },
      { title: 'I. Its Origins', page: '1', level: 2 },
      { title: 'II. Its Consequences', page: '2', level: 2 },
      { title: 'A Letter to the Editors of the Daily Newspaper', page: '3', level: 1 },
      { title: 'Notes', page: '6', level: 1 },
    ]);
  });

  it('needs five entries without the heading "Contents" above them, three with it', () => {
    const three = ['On the First Question 1', 'A Letter to the Editors 3', 'The Third Speech 4'];
    expect(contentsOf(volume(three))).toHaveLength(3);
    expect(contentsOf(volume(three, 'A FEW WORDS'))).toBeNull();
    expect(contentsOf(volume([...three, 'Another Letter 7', 'Notes 9'], 'A FEW WORDS'))).toHaveLength(5);
  });

  it('keeps the line breaks of a spaced page column in hard-wrapped text, so the entries are not joined', () => {
    const prose = Array.from({ length: 12 }, () => 'the lines of this page are wrapped at a column width of about sixty').join('\n');
    const text = [
      'CONTENTS',
      'The Question of the Bridges over the River and Its Banks      1',
      'A Letter to the Editors of the Daily Newspaper in Town        3',
      'The Third Speech Delivered at the Meeting of the Workers      4',
      '',
      prose,
    ].join('\n');
    const cleaned = runCleanup(text, { format: 'txt' });
    expect(cleaned.proposals.find((proposal) => proposal.ruleId === 'line-joins')?.count).toBeGreaterThan(0);
    expect(contentsOf(cleaned.text)?.map((entry) => entry.page)).toEqual(['1', '3', '4']);
  });
});

describe('lines ending in numbers that are no table of contents', () => {
  it('a chronicle of days', () => {
    const text = ['January 12', 'February 3', 'February 17', 'March 15', 'March 20', 'April 2', filler('the year')].join('\n');
    expect(contentsOf(text)).toBeNull();
  });

  it('a count of numbered things, and a list of years', () => {
    expect(contentsOf(['Bread 1', 'Salt 2', 'Butter 3', 'Cheese 4', 'Milk 5', 'Eggs 6'].join('\n'))).toBeNull();
    expect(contentsOf(['Born in Gori 1878', 'Moved to Tiflis 1894', 'Arrested in Batum 1902', 'Exiled to Siberia 1903', 'Escaped from exile 1904'].join('\n'))).toBeNull();
  });

  it('prose lines ending in numbers, and an index whose pages go back', () => {
    const prose = ['The meeting was held on the second floor of house 12', 'and the delegates voted; the motion won by 40', 'votes against 17. Then the chairman spoke of 1926', 'and of the plans for 1927. The hall held 300', 'people, and another 50 stood outside the door of 12'].join('\n');
    expect(contentsOf(prose)).toBeNull();
    const index = ['Bridges 14', 'Canals 3', 'Ferries 27', 'Harbours 9', 'Railways 41', 'Roads 5'].join('\n');
    expect(contentsOf(index)).toBeNull();
  });

  it('a title page and a poem with numbered stanzas', () => {
    const poem = ['I', 'The river runs beneath the town', 'And carries all the autumn down', 'II', 'The bridge is old, the bridge is grey', 'It will not last another day', 'III', 'And so we wait upon the shore', 'For ferries that will come no more'].join('\n');
    expect(contentsOf(poem)).toBeNull();
  });
});

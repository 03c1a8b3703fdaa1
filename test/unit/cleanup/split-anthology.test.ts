import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { runCleanup } from '../../../lib/cleanup';
import { detectAnthology, proposeSplit, type SplitProposal } from '../../../lib/cleanup/split';
import { parseAttribution, parseByline, parseSourceLine, parseTags, readableName, sourceUrl } from '../../../lib/cleanup/split/anthology-lines';

const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');
const read = (name: string) => readFileSync(path.join(CORPUS_DIR, name), 'utf8');
const ANTHOLOGY = 'lenin-stalin-quotes-collection.en.txt';

describe('the lines around an anthology piece', () => {
  it('reads attributions, with the author in readable case', () => {
    expect(parseAttribution('V. I. LENIN (1903)')).toEqual({ author: 'V. I. Lenin', dateText: '1903', citation: null });
    expect(parseAttribution('N. Krupskaya (1936).')).toEqual({ author: 'N. Krupskaya', dateText: '1936', citation: null });
    expect(parseAttribution('Kim Jong il (1996), “Respecting the Forerunners”')).toEqual({ author: 'Kim Jong il', dateText: '1996', citation: '“Respecting the Forerunners”' });
    expect(parseAttribution('— J. V. STALIN (22 October 1926)')?.dateText).toBe('22 October 1926');
  });

  it('reads no attribution in prose, headings with words in brackets, or brackets without a year', () => {
    expect(parseAttribution('International Stalin Society formed (Press Release)')).toBeNull();
    expect(parseAttribution('JOSEPH VISSARIONOVICH DJUGASHVILI (Stalin) was born in the little town of Gori.')).toBeNull();
    expect(parseAttribution('the years went by (1903) and nothing changed')).toBeNull();
    expect(parseAttribution('V. I. LENIN (1903) said that the Bund was wrong about everything.')).toBeNull();
  });

  it('reads source lines: the citation without the address, and the address checked', () => {
    expect(parseSourceLine('Source:\u00a0The Position of the Bund in the Party,\u00a0Iskra, No. 51, October 22, 1903.')).toEqual({
      citation: 'The Position of the Bund in the Party, Iskra, No. 51, October 22, 1903',
      url: null,
    });
    expect(parseSourceLine('Source: Izvestia, No. 224. Retrieved from http://www.example.org/a.htm.')).toEqual({ citation: 'Izvestia, No. 224', url: 'http://www.example.org/a.htm' });
    expect(parseSourceLine('Available at http://www.example.org/rdv1n1/marksoc.htm')).toEqual({ citation: null, url: 'http://www.example.org/rdv1n1/marksoc.htm' });
    expect(parseSourceLine('SOURCE: https://example.org/x')).toEqual({ citation: null, url: 'https://example.org/x' });
    expect(parseSourceLine('The source of this is unknown.')).toBeNull();
    expect(parseSourceLine('Source: javascript:alert(1)')?.url ?? null).toBeNull();
  });

  it('keeps only http(s) links of bounded length', () => {
    expect(sourceUrl('https://example.org/a?b=c).')).toBe('https://example.org/a?b=c');
    expect(sourceUrl('ftp://example.org/a')).toBeNull();
    expect(sourceUrl(`https://example.org/${'a'.repeat(2100)}`)).toBeNull();
    expect(sourceUrl('http://')).toBeNull();
  });

  it('reads bylines and tags', () => {
    expect(parseByline('by ANDREW ROTHSTEIN, author of a\u00a0History of the USSR\u00a0')).toBe('Andrew Rothstein');
    expect(parseByline('By Prof. Vijay Singh')).toBe('Vijay Singh');
    expect(parseByline('By the way, this is prose.')).toBeNull();
    expect(parseTags('Lenin\u00a0 \u00a0 Israel')).toEqual(['Lenin', 'Israel']);
    expect(parseTags('Krupskaya and Stalin')).toEqual(['Krupskaya and Stalin']);
    expect(readableName('HENRY VIII')).toBe('Henry VIII');
    expect(readableName('JEAN-PAUL O’NEIL')).toBe('Jean-Paul O’Neil');
  });
});

describe('an anthology without contents', () => {
  const cleaned = runCleanup(read(ANTHOLOGY), { format: 'txt' });
  const proposal = proposeSplit(cleaned) as SplitProposal;
  const texts = proposal.works.map((work) => cleaned.text.slice(work.start, work.end));

  it('is split into its seven pieces, read by their structure, covering the whole text', () => {
    expect(proposal.method).toBe('anthology');
    // Read in the file: seven pieces, each a title line; five end with an attribution and/or a
    // source line, the press release has neither, the last ends with a source line at the foot.
    expect(proposal.works.map((work) => work.title)).toEqual([
      'Lenin on ‘Jewish Nation’',
      'Lenin’s Wife on Stalin and the Trotskyites',
      'Kim Jong-il on Stalin',
      'International Stalin Society formed (Press Release)',
      'Stalin: Story of a Great Servant of Mankind who Belongs to the Ages',
      'Stalin and the Question of ‘Market Socialism’ in the Soviet Union After the Second World War',
      'On the Relations between Lenin and Stalin',
    ]);
    expect(proposal.works.every((work) => work.kind === 'work' && work.locatedBy === 'structure')).toBe(true);
    expect(proposal.works[0]?.start).toBe(0);
    expect(proposal.works.at(-1)?.end).toBe(cleaned.text.length);
    for (const [index, work] of proposal.works.entries()) {
      if (index > 0) expect(work.start).toBe(proposal.works[index - 1]?.end);
      expect(texts[index]?.trimStart().replace(/\s+/gu, ' ').startsWith(work.title)).toBe(true);
    }
  });

  it('takes each piece’s author, year, source and tags from its lines', () => {
    const metadata = proposal.works.map((work) => work.metadata);
    expect(metadata[0]).toEqual({
      author: 'V. I. Lenin',
      dateText: '1903',
      citation: 'The Position of the Bund in the Party, Iskra, No. 51, October 22, 1903',
      url: null,
      tags: ['Lenin', 'Israel'],
    });
    expect(metadata[1]).toMatchObject({ author: 'N. Krupskaya', dateText: '1936', url: 'http://www.revolutionarydemocracy.org', tags: ['Krupskaya and Stalin'] });
    expect(metadata[1]?.citation).toBe('Why Is the Second International Defending Trotsky?, Izvestia, 4th September 1936, No. 224');
    expect(metadata[2]).toMatchObject({ author: 'Kim Jong il', dateText: '1996', citation: '“Respecting the Forerunners of the Revolution is a Noble Moral Obligation of Revolutionaries”', url: null });
    expect(metadata[3]).toEqual({ author: null, dateText: null, citation: null, url: null, tags: [] });
    expect(metadata[4]).toMatchObject({ author: 'Andrew Rothstein', url: 'http://lalkar.org/issues/contents/mar2013/stalin.html' });
    expect(metadata[5]).toMatchObject({ author: 'Vijay Singh', url: 'http://www.revolutionarydemocracy.org/rdv1n1/marksoc.htm' });
    expect(metadata[6]).toMatchObject({ author: null, url: 'http://www.revolutionarydemocracy.org/rdv8n1/lenstal.htm' });
  });

  it('marks the attribution, source and tags lines, and a repeated title, as metadata, never the text', () => {
    const omitted = proposal.works.map((work) => (work.omitted ?? []).map((range) => cleaned.text.slice(range.start, range.end).replace(/\s+/gu, ' ')));
    expect(omitted[0]).toEqual(['V. I. LENIN (1903)', 'Source: The Position of the Bund in the Party, Iskra, No. 51, October 22, 1903.', 'Lenin Israel']);
    expect(omitted[3]).toEqual([]);
    expect(omitted[6]).toEqual(['On the Relations between Lenin and Stalin', 'SOURCE: http://www.revolutionarydemocracy.org/rdv8n1/lenstal.htm']);
    // Every omitted line lies inside its piece, and the text around it stays.
    for (const work of proposal.works) for (const range of work.omitted ?? []) expect(range.start >= work.start && range.end <= work.end).toBe(true);
    expect(omitted.flat().some((line) => /Printed and published/u.test(line))).toBe(false);
  });

  it('is not proposed for the other texts of the corpus: an interview, notes in the margins, a volume with contents', () => {
    for (const name of ['wells-stalin-interview-1934.en.txt', 'razlatzky-notes-in-the-margins.en.txt', 'stalin-works-vol8-ocr.en.txt']) {
      expect(detectAnthology(runCleanup(read(name), { format: 'txt' }))).toBeNull();
    }
    // The volume keeps its split by contents.
    expect(proposeSplit(runCleanup(read('stalin-works-vol8-ocr.en.txt'), { format: 'txt' }))?.method).toBe('contents');
  }, 30_000);
});

describe('what is no anthology', () => {
  const piece = (title: string, closing: string[]) => [title, '', `The text of ${title}, a paragraph of some length that says what the piece has to say about it.`, '', ...closing].join('\n');

  it('needs three pieces ending with their attribution or source line', () => {
    const two = [piece('On Bridges', ['J. SMITH (1901)', '', 'Source: Harbour Gazette, No. 3.']), piece('On Rivers', ['A. JONES (1902)']), piece('On Roads', [])].join('\n\n');
    expect(detectAnthology({ text: two })).toBeNull();
    const three = [piece('On Bridges', ['J. SMITH (1901)']), piece('On Rivers', ['A. JONES (1902)']), piece('On Roads', ['Source: https://example.org/roads'])].join('\n\n');
    expect(detectAnthology({ text: three })?.works.map((work) => [work.title, work.metadata?.author ?? null])).toEqual([
      ['On Bridges', 'J. Smith'],
      ['On Rivers', 'A. Jones'],
      ['On Roads', null],
    ]);
  });

  it('reads no attribution followed by more prose as the end of a piece', () => {
    const essay = ['On Quoting', '', 'He wrote, long ago:', '', '“The bridge stands.”', '', 'J. SMITH (1901)', '', 'And the essay goes on after the quotation with more prose about it.'].join('\n');
    expect(detectAnthology({ text: [essay, essay, essay, essay].join('\n\n') })).toBeNull();
  });

  it('needs at least half of its pieces to end with a colophon', () => {
    const bylined = (title: string) => [title, '', 'by JOHN SMITH', '', 'A piece with a byline and no source line, of the length of a paragraph of text.'].join('\n');
    const mostlyBylined = [piece('On Bridges', ['J. SMITH (1901)']), piece('On Rivers', ['A. JONES (1902)']), piece('On Roads', ['B. BROWN (1903)']), ...['One', 'Two', 'Three', 'Four'].map(bylined)].join('\n\n');
    expect(detectAnthology({ text: mostlyBylined })).toBeNull();
  });
});

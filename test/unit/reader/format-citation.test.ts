import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';

import { formatCitation, type CitationSource } from '../../../lib/reader/format-citation';

const base: CitationSource = {
  workId: '0190f2a0-0000-7000-8000-000000000001',
  title: 'On the Harbour Question',
  author: 'P. N. Orlov',
  dateText: 'January 22, 1926',
  edition: 'Collected Works, vol. 3 (Riga: Harbour Press, 1951)',
  language: 'en',
  translation: null,
  pages: { first: '14', last: '14' },
  url: 'https://interlinear.example/s/0190f2a0',
  accessed: new Date(Date.UTC(2026, 11, 7)),
};

/** Reads a BibTeX entry back with citation-js's BibTeX parser: what a reference manager would import. */
function parseBibtex(text: string): Record<string, unknown>[] {
  return new Cite(text).data as Record<string, unknown>[];
}

describe('formatCitation', () => {
  it('cites a passage of a work in a collected edition with its printed page (Chicago note and bibliography)', () => {
    const { chicago } = formatCitation(base);
    expect(chicago.note).toBe('P. N. Orlov, “On the Harbour Question,” January 22, 1926, in Collected Works, vol. 3 (Riga: Harbour Press, 1951), 14, https://interlinear.example/s/0190f2a0.');
    expect(chicago.bibliography).toBe('Orlov, P. N. “On the Harbour Question.” January 22, 1926. In Collected Works, vol. 3 (Riga: Harbour Press, 1951), 14. https://interlinear.example/s/0190f2a0.');
  });

  it('names the web page the text was taken from, when the work records one', () => {
    const { chicago, csl } = formatCitation({ ...base, pages: null, sourceUrl: 'http://www.example.org/harbour.htm' });
    expect(chicago.note).toBe('P. N. Orlov, “On the Harbour Question,” January 22, 1926, in Collected Works, vol. 3 (Riga: Harbour Press, 1951), text from http://www.example.org/harbour.htm, https://interlinear.example/s/0190f2a0.');
    expect(chicago.bibliography).toContain('In Collected Works, vol. 3 (Riga: Harbour Press, 1951). Text from http://www.example.org/harbour.htm. https://interlinear.example/s/0190f2a0.');
    expect(csl.source).toBe('http://www.example.org/harbour.htm');
    expect(formatCitation({ ...base, sourceUrl: '' }).csl.source).toBeUndefined();
  });

  it('turns the double quotes inside a title into single ones and keeps its own question mark', () => {
    const { chicago } = formatCitation({ ...base, title: 'Who Needs the “New Pier”?', pages: { first: '14', last: '15' } });
    expect(chicago.note).toContain('“Who Needs the ‘New Pier’?” January 22, 1926');
    expect(chicago.note).toContain(', 14–15, https://');
    expect(chicago.bibliography).toContain('“Who Needs the ‘New Pier’?” January 22, 1926.');
  });

  it('cites a translation with its translator, and several authors in order', () => {
    const { chicago, csl } = formatCitation({ ...base, author: 'P. N. Orlov and Anna Berg', language: 'ru', translation: { translator: 'Ivan Petrov', edition: null } });
    expect(chicago.note).toMatch(/^P\. N\. Orlov and Anna Berg, “On the Harbour Question,” January 22, 1926, trans\. Ivan Petrov, in Collected Works/u);
    expect(chicago.bibliography).toMatch(/^Orlov, P\. N\., and Anna Berg\. “On the Harbour Question\.” January 22, 1926\. Translated by Ivan Petrov\. In /u);
    expect(csl).toMatchObject({ language: 'ru', author: [{ family: 'Orlov', given: 'P. N.' }, { family: 'Berg', given: 'Anna' }], translator: [{ family: 'Petrov', given: 'Ivan' }] });
  });

  it('leaves out what is not known', () => {
    const { chicago, csl } = formatCitation({ ...base, author: '', dateText: '', edition: '', pages: null });
    expect(chicago.note).toBe('“On the Harbour Question,” https://interlinear.example/s/0190f2a0.');
    expect(chicago.bibliography).toBe('“On the Harbour Question.” https://interlinear.example/s/0190f2a0.');
    expect(csl).not.toHaveProperty('author');
    expect(csl).not.toHaveProperty('issued');
    expect(csl).toMatchObject({ type: 'document' });
  });

  it('gives CSL-JSON with the year of a written-out date, the edition, the page and the access date', () => {
    const { csl } = formatCitation(base);
    expect(csl).toEqual({
      id: base.workId,
      type: 'chapter',
      title: 'On the Harbour Question',
      author: [{ family: 'Orlov', given: 'P. N.' }],
      issued: { 'date-parts': [[1926]], literal: 'January 22, 1926' },
      'container-title': 'Collected Works, vol. 3 (Riga: Harbour Press, 1951)',
      page: '14',
      language: 'en',
      URL: 'https://interlinear.example/s/0190f2a0',
      accessed: { 'date-parts': [[2026, 12, 7]] },
    });
    expect(formatCitation({ ...base, dateText: '1925' }).csl.issued).toEqual({ 'date-parts': [[1925]] });
  });

  it('gives BibTeX that a BibTeX parser reads back, with LaTeX special characters escaped', () => {
    const { bibtex } = formatCitation({ ...base, title: 'Costs & Tolls: 50% for the {Pier} $1', pages: { first: '14', last: '15' } });
    expect(bibtex).toMatch(/^@inbook\{/u);
    expect(bibtex).toContain('\\&');
    expect(bibtex).toContain('\\%');
    const [entry] = parseBibtex(bibtex);
    expect(entry).toMatchObject({ title: 'Costs & Tolls: 50% for the {Pier} $1', page: '14-15', author: [{ family: 'Orlov', given: 'P. N.' }], 'container-title': base.edition });
  });

  it('escapes names for LaTeX, so a name cannot close its field and forge others', () => {
    const author = 'Plato}}, title = {Injected}, note = {{';
    const { bibtex } = formatCitation({ ...base, author, translation: { translator: 'Ab, cd%x#y', edition: null }, language: 'ru' });
    const [entry] = parseBibtex(bibtex);
    expect(entry?.title).toBe('On the Harbour Question');
    expect(JSON.stringify(entry)).not.toContain('Injected"');
    expect(bibtex).not.toMatch(/^\s*title = \{Injected\}/mu);
    expect(bibtex.match(/^\s*title = /gmu)).toHaveLength(1);
    expect(bibtex).toMatch(/Plato\\textbraceright\{\}\\textbraceright\{\}|Plato\\\}\\\}/u);
    // A name kept whole (no given name) is escaped too.
    const whole = formatCitation({ ...base, author: 'Pla}to%' }).bibtex;
    expect(whole).toContain('{Pla\\}to\\%}');
  });

  it('reads a range of years as years, and ends a title that ends with an abbreviation once', () => {
    expect(formatCitation({ ...base, dateText: '1917-1923' }).csl.issued).toEqual({ 'date-parts': [[1917], [1923]], literal: '1917-1923' });
    expect(formatCitation({ ...base, dateText: '1926-27' }).csl.issued).toEqual({ 'date-parts': [[1926]], literal: '1926-27' });
    const { chicago } = formatCitation({ ...base, title: 'Speech at the Plenum of the E.C.C.I.' });
    expect(chicago.bibliography).toContain('“Speech at the Plenum of the E.C.C.I.” January 22, 1926.');
    expect(chicago.note).toContain('“Speech at the Plenum of the E.C.C.I.,” January 22, 1926,');
  });
});

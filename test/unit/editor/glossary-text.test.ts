import { createElement } from 'react';
import { describe, expect, it } from 'vitest';

import { GlossaryText } from '../../../components/editor/glossary-text';
import type { GlossaryHit } from '../../../lib/glossary/types';
import { renderInEnglish } from '../../helpers/render-in-english';

const hit = (term: string, start: number): GlossaryHit => ({ termId: `id-${term}`, term, start, end: start + term.length, partOfSpeech: null, note: '', translations: [{ text: 'Comintern', status: 'preferred', stems: ['comintern'] }] });

/** The markup's text, each raised marker written as [label]. */
const shown = (markup: string): string =>
  markup
    .replace(/<sup data-footnote-marker="([^"]+)"[^>]*>[^<]*<\/sup>/gu, '[$1]')
    .replace(/<span role="tooltip"[\s\S]*?<\/span><\/span>/gu, '')
    .replace(/<[^>]+>/gu, '');

describe('an original with its glossary terms marked', () => {
  it('keeps the footnote markers in their places: before, after and inside a term, and at the end', () => {
    const text = 'Коминтерн решил так, а ИККИ молчал.';
    const markup = renderInEnglish(
      createElement(GlossaryText, {
        text,
        hits: [hit('Коминтерн', 0), hit('ИККИ', text.indexOf('ИККИ'))],
        markers: [
          { label: '2', offset: text.indexOf('ИККИ') + 'ИККИ'.length },
          { label: '1', offset: 'Коминтерн'.length },
          { label: '3', offset: text.length },
          { label: '*', offset: 3 },
        ],
        targetLanguage: 'en',
      }),
    );
    expect(markup.match(/data-glossary-term="[^"]+"/gu)).toEqual(['data-glossary-term="Коминтерн"', 'data-glossary-term="ИККИ"']);
    expect(markup.match(/data-footnote-marker="[^"]+"/gu)).toHaveLength(4);
    // The marker inside the first term comes right after it, with the one that stands there.
    expect(shown(markup).replace(/Comintern|preferred|Preferred/gu, '')).toContain('Коминтерн[*][1] решил так, а ИККИ[2] молчал.[3]');
  });

  it('shows the text alone when there are no markers', () => {
    const markup = renderInEnglish(createElement(GlossaryText, { text: 'Коминтерн решил.', hits: [hit('Коминтерн', 0)], targetLanguage: 'en' }));
    expect(markup).not.toContain('data-footnote-marker');
    expect(markup).toContain('решил.');
  });
});

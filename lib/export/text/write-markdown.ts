import type { BlockContent, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';

import { titleLines } from '../title-page';
import type { BlockSource, ExportBlock, ExportLayout, ExportPlan, SegmentRuns } from '../types';

const OPTIONS: Options = { extensions: [gfmFootnoteToMarkdown()], bullet: '-', emphasis: '*', strong: '*', rule: '-' };

/**
 * A download as Markdown (CommonMark with GitHub's footnotes): the title and title page, headings
 * one level below the title, paragraphs with their emphasis, quotations, list items and speaker
 * turns, note markers as `[^n]` and each note as its definition `[^n]: …` where it stands (numbered
 * in order of first appearance, since printed labels repeat), printed pages as `[p. 23]`. Two
 * languages alternate paragraph by paragraph; a note's definition holds both. Each block is
 * built as an mdast tree and written by mdast-util-to-markdown, which escapes whatever in the
 * text would read as Markdown. Pure.
 */
export async function* writeMarkdown({ plan, source }: { plan: ExportPlan; source: BlockSource }): AsyncGenerator<string> {
  const numbers = new Map<string, number>();
  const numberOf = (noteId: string) => {
    let number = numbers.get(noteId);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(noteId, number);
    }
    return String(number);
  };
  const write = (nodes: RootContent[]) => (nodes.length > 0 ? `${toMarkdown({ type: 'root', children: nodes }, OPTIONS)}\n` : '');

  yield write([
    { type: 'heading', depth: 1, children: [{ type: 'text', value: plan.title.trim() }] },
    ...titleLines(plan).map((line): Paragraph => ({ type: 'paragraph', children: [line.href ? { type: 'link', url: line.href, children: [{ type: 'text', value: line.text }] } : { type: 'text', value: line.text }] })),
  ]);
  for (const work of plan.works) {
    let previous: ExportLayout | null = null;
    for await (const block of source.blocks({ work, from: undefined, to: undefined, languages: plan.languages, hasPages: true, hasNotes: true })) {
      yield write(markdownBlock(block, plan.languages, previous, numberOf));
      previous = block.kind === 'paragraph' ? block.layout : null;
    }
  }
  let isFirst = true;
  for await (const block of source.externalNotes()) {
    if (isFirst) yield write([{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'Notes' }] }]);
    isFirst = false;
    yield write(markdownBlock(block, plan.languages, null, numberOf));
  }
}

function markdownBlock(block: ExportBlock, languages: readonly string[], previous: ExportLayout | null, numberOf: (noteId: string) => string): RootContent[] {
  if (block.kind === 'pages') return [{ type: 'paragraph', children: [{ type: 'text', value: block.pages.map((page) => `[p. ${page.label}]`).join(' ') }] }];
  const present = languages.filter((language) => block.texts[language]);
  if (block.kind === 'footnote') {
    const identifier = numberOf(block.id);
    const children: BlockContent[] = present.map((language) => ({ type: 'paragraph', children: phrasing(block.texts[language] ?? [], numberOf) }));
    return [{ type: 'footnoteDefinition', identifier, label: identifier, children }];
  }
  return present.map((language): RootContent => {
    const children = phrasing(block.texts[language] ?? [], numberOf);
    if (block.kind === 'heading') return { type: 'heading', depth: Math.min(block.level + 1, 6) as 1 | 2 | 3 | 4 | 5 | 6, children };
    return laidOut(children, block.layout, previous);
  });
}

function laidOut(children: PhrasingContent[], layout: ExportLayout, previous: ExportLayout | null): RootContent {
  if (layout.style === 'QUOTE') return { type: 'blockquote', children: [{ type: 'paragraph', children }] };
  if (layout.style === 'LIST_ITEM') {
    const number = /^(\d{1,9})[.)]$/u.exec(layout.marker ?? '')?.[1];
    const isBullet = layout.marker === null || /^[•·*+\-–—▪◦]$/u.test(layout.marker);
    const words: PhrasingContent[] = number !== undefined || isBullet ? children : [{ type: 'text', value: `${layout.marker} ` }, ...children];
    const item = { type: 'listItem' as const, spread: false, children: [{ type: 'paragraph' as const, children: words }] };
    return number !== undefined ? { type: 'list', ordered: true, start: Number(number), spread: false, children: [item] } : { type: 'list', ordered: false, spread: false, children: [item] };
  }
  if (layout.style === 'SPEAKER_TURN' && layout.speaker && !(previous?.style === 'SPEAKER_TURN' && previous.speaker === layout.speaker)) {
    return { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: `${layout.speaker}:` }] }, { type: 'text', value: ' ' }, ...children] };
  }
  return { type: 'paragraph', children };
}

/** Runs as mdast phrasing: emphasis with the spaces at its edges left outside it (Markdown cannot open or close emphasis on a space). */
function phrasing(segments: readonly SegmentRuns[], numberOf: (noteId: string) => string): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  segments.forEach((segment, index) => {
    if (index > 0) nodes.push({ type: 'text', value: ' ' });
    segment.runs.forEach((run, runIndex) => {
      const next = segment.runs[runIndex + 1];
      if (run.type === 'noteref') {
        const identifier = numberOf(run.noteId);
        nodes.push({ type: 'footnoteReference', identifier, label: identifier });
      } else if (run.type === 'page') {
        // A page begins before a word: the mark stands apart from it.
        nodes.push({ type: 'text', value: `[p. ${run.label}]${next?.type === 'text' && !/^\s/u.test(next.text) ? ' ' : ''}` });
      } else {
        const value = run.text.replace(/\s+/gu, ' ');
        const match = /^(\s*)(.*?)(\s*)$/su.exec(value);
        const [, lead = '', core = '', trail = ''] = match ?? [];
        if (!run.isEmphasis || core === '') nodes.push({ type: 'text', value });
        else {
          if (lead) nodes.push({ type: 'text', value: lead });
          nodes.push({ type: 'emphasis', children: [{ type: 'text', value: core }] });
          if (trail) nodes.push({ type: 'text', value: trail });
        }
      }
    });
  });
  return nodes;
}

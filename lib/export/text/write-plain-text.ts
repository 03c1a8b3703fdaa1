import { titleLines } from '../title-page';
import type { BlockSource, ExportBlock, ExportLayout, ExportPlan, InlineRun, SegmentRuns } from '../types';

/**
 * A download as plain text (UTF-8, lines ending with "\n"): the title underlined and the title
 * page, then one paragraph per line with a blank line between, headings underlined (`=` for the
 * top level, `-` below), quotations indented, list items with their markers, the speaker's name
 * where a turn begins, note markers as `[label]` and notes as `[label] text` where they stand,
 * printed pages as `[p. 23]`. Two languages alternate paragraph by paragraph. Characters no text
 * file should carry (controls, the import's private markers) are gone already (`buildRuns`). Pure.
 */
export async function* writePlainText({ plan, source }: { plan: ExportPlan; source: BlockSource }): AsyncGenerator<string> {
  yield `${underline(plan.title.trim(), '=')}\n`;
  for (const line of titleLines(plan)) yield `${line.text}\n`;
  yield '\n';
  for (const work of plan.works) {
    let previous: ExportLayout | null = null;
    for await (const block of source.blocks({ work, from: undefined, to: undefined, languages: plan.languages, hasPages: true, hasNotes: true })) {
      yield textBlock(block, plan.languages, previous);
      previous = block.kind === 'paragraph' ? block.layout : null;
    }
  }
  let isFirst = true;
  for await (const block of source.externalNotes()) {
    if (isFirst) yield `${underline('Notes', '-')}\n\n`;
    isFirst = false;
    yield textBlock(block, plan.languages, null);
  }
}

function textBlock(block: ExportBlock, languages: readonly string[], previous: ExportLayout | null): string {
  if (block.kind === 'pages') return `${block.pages.map((page) => `[p. ${page.label}]`).join(' ')}\n\n`;
  const paragraphs: string[] = [];
  for (const language of languages) {
    const texts = block.texts[language];
    if (!texts) continue;
    const words = segmentsText(texts);
    if (block.kind === 'heading') paragraphs.push(underline(words, block.level <= 1 ? '=' : '-'));
    else if (block.kind === 'footnote') paragraphs.push(`${block.label ? `[${block.label}] ` : ''}${words}`);
    else paragraphs.push(laidOut(words, block.layout, previous));
  }
  return paragraphs.map((paragraph) => `${paragraph}\n\n`).join('');
}

function laidOut(words: string, layout: ExportLayout, previous: ExportLayout | null): string {
  if (layout.style === 'QUOTE') return `    ${words}`;
  if (layout.style === 'LIST_ITEM') return `${'  '.repeat(Math.min(layout.depth, 8))}${layout.marker ? `${layout.marker} ` : ''}${words}`;
  if (layout.style === 'SPEAKER_TURN' && layout.speaker && !(previous?.style === 'SPEAKER_TURN' && previous.speaker === layout.speaker)) return `${layout.speaker}: ${words}`;
  return words;
}

function segmentsText(segments: readonly SegmentRuns[]): string {
  return segments.map((segment) => segment.runs.map((run, index) => runText(run, segment.runs[index + 1])).join('')).join(' ').replace(/[ \t]*\n[ \t]*/gu, ' ');
}

function runText(run: InlineRun, next: InlineRun | undefined): string {
  if (run.type === 'text') return run.text;
  if (run.type === 'noteref') return `[${run.label}]`;
  // A page begins before a word: the mark stands apart from it.
  return `[p. ${run.label}]${next?.type === 'text' && !/^\s/u.test(next.text) ? ' ' : ''}`;
}

function underline(text: string, character: '=' | '-'): string {
  return `${text}\n${character.repeat(Math.max([...text].length, 3))}`;
}

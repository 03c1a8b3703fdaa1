import { useTranslations } from 'next-intl';

import type { StructurePreview, StructureRow } from '@/lib/structure/structural-operation';

import { Badge } from '../ui/badge';
import { cn } from '../ui/cn';

export interface StructureDiffProps {
  preview: StructurePreview;
  sourceLanguage: string;
  /** Language names by tag; a tag without one is shown as it is. */
  languageNames?: Readonly<Record<string, string>>;
}

/**
 * A block of the preview: the rows of one paragraph (opened by the paragraph's own row when the
 * change touches it), or one heading or note. A paragraph row inside a block is a paragraph break
 * the change removes (a joined paragraph) between sentences that end up in one paragraph.
 */
interface Block {
  paragraph: StructureRow | null;
  paragraphId: string | null;
  rows: StructureRow[];
}

/** Consecutive sentences of one paragraph form a block; a PARAGRAPH row opens one; headings and notes stand alone. */
export function blocksOf(rows: readonly StructureRow[]): Block[] {
  const blocks: Block[] = [];
  rows.forEach((row, index) => {
    const last = blocks.at(-1);
    const isParagraphBlock = !!last && (last.paragraph !== null || last.paragraphId !== null) && last.rows.every((known) => known.kind === 'SENTENCE' || known.kind === 'PARAGRAPH');
    if (row.kind === 'PARAGRAPH') {
      // A paragraph whose sentences went to the one before it (joined): a removed break inside that paragraph.
      const next = rows.slice(index + 1).find((candidate) => candidate.kind !== 'PARAGRAPH');
      if (last && isParagraphBlock && last.rows.length > 0 && next?.kind === 'SENTENCE' && next.paragraph !== null && next.paragraph === last.paragraphId) last.rows.push(row);
      else blocks.push({ paragraph: row, paragraphId: row.id, rows: [] });
      return;
    }
    // A new paragraph's row has no id: its first sentence names it ('new-1').
    const opensNew = !!last && last.paragraph !== null && last.paragraphId === null && last.rows.length === 0;
    if (row.kind === 'SENTENCE' && row.paragraph !== null && last && isParagraphBlock && (last.paragraphId === row.paragraph || opensNew)) {
      last.paragraphId = row.paragraph;
      last.rows.push(row);
      return;
    }
    blocks.push({ paragraph: null, paragraphId: row.kind === 'SENTENCE' ? row.paragraph : null, rows: [row] });
  });
  return blocks;
}

/** How each change is drawn; a change other than `kept` is also named (`structure.diff.<change>`). */
const CHANGE_CLASS_NAMES: Record<StructureRow['change'], string> = {
  kept: 'border-line',
  changed: 'border-amber-400 border-l-4 bg-amber-50/50',
  created: 'border-emerald-500 border-l-4 border-double bg-emerald-50/50',
  retired: 'border-red-300 border-l-4 border-dashed bg-red-50/40 text-ink-soft',
};

/** The preview's messages (`useTranslations('structure.diff')`). */
export type DiffTranslator = ReturnType<typeof useTranslations<'structure.diff'>>;

/** "Heading 2", "Footnote *", "Sentence". */
export function kindLabel(row: Pick<StructureRow, 'kind' | 'level' | 'label'>, t: DiffTranslator): string {
  if (row.kind === 'HEADING') return t('kindHeading', { level: row.level });
  if (row.kind === 'FOOTNOTE') return row.label ? t('kindFootnote', { label: row.label }) : t('kindFootnoteBare');
  return t(row.kind === 'PARAGRAPH' ? 'kindParagraph' : 'kindSentence');
}

/**
 * A structural change as rows before and after it, side by side (stacked on narrow screens):
 * paragraphs drawn as frames, each row with its kind and whether the change creates, removes or
 * changes it (in words as well as colour), the point where the change acts marked in the text, and
 * the translations under their rows.
 */
export function StructureDiff({ preview, sourceLanguage, languageNames = {} }: StructureDiffProps) {
  const t = useTranslations('structure.diff');
  return (
    <div data-structure-diff="" className="grid gap-4 sm:grid-cols-2">
      {(['before', 'after'] as const).map((side) => (
        <section key={side} data-structure-side={side} aria-label={t(side === 'before' ? 'before' : 'after')} className="min-w-0">
          <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">{t(side === 'before' ? 'now' : 'after')}</h3>
          <div className="mt-2 space-y-2">
            {blocksOf(preview[side]).map((block, index) => (
              <BlockView key={index} block={block} sourceLanguage={sourceLanguage} languageNames={languageNames} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function BlockView({ block, sourceLanguage, languageNames }: { block: Block; sourceLanguage: string; languageNames: Readonly<Record<string, string>> }) {
  const t = useTranslations('structure.diff');
  const isParagraph = block.paragraph !== null || block.paragraphId !== null;
  const paragraphChange = block.paragraph && block.paragraph.change !== 'kept' ? block.paragraph.change : null;
  const rows = block.rows.map((row, index) => (row.kind === 'PARAGRAPH' ? <ParagraphBreak key={row.id ?? `new-${index}`} row={row} /> : <RowView key={row.id ?? `new-${index}`} row={row} sourceLanguage={sourceLanguage} languageNames={languageNames} />));
  if (!isParagraph) return <>{rows}</>;
  return (
    <div data-structure-paragraph={block.paragraphId ?? ''} data-change={block.paragraph?.change} className={cn('space-y-1.5 rounded-md border border-dotted border-line-strong p-1.5', block.paragraph?.change === 'created' && 'border-emerald-500', block.paragraph?.change === 'retired' && 'border-red-300')}>
      <p className="flex items-center gap-2 px-1 text-[0.6875rem] tracking-wide text-muted uppercase">
        <span aria-hidden="true">¶</span> {t('paragraph')}
        {paragraphChange && <ChangeLabel change={paragraphChange} />}
      </p>
      {rows}
      {block.rows.length === 0 && <p className="px-1 text-sm text-muted italic">{t('noSentences')}</p>}
    </div>
  );
}

/** A paragraph break inside a paragraph frame: one the change removes by joining two paragraphs. */
function ParagraphBreak({ row }: { row: StructureRow }) {
  const t = useTranslations('structure.diff');
  return (
    <p data-structure-row={row.id ?? ''} data-kind="PARAGRAPH" data-change={row.change} className="flex items-center gap-2 border-t border-dashed border-line-strong px-1 pt-1 text-[0.6875rem] tracking-wide text-muted uppercase">
      <span aria-hidden="true">¶</span> <span className={cn(row.change === 'retired' && 'line-through')}>{t('paragraphBreak')}</span>
      <ChangeLabel change={row.change} />
    </p>
  );
}

function ChangeLabel({ change }: { change: StructureRow['change'] }) {
  const t = useTranslations('structure.diff');
  if (change === 'kept') return null;
  return (
    <span className={cn('rounded px-1 text-[0.6875rem] font-semibold tracking-wide uppercase', change === 'created' && 'bg-emerald-100 text-emerald-900', change === 'retired' && 'bg-red-100 text-red-900', change === 'changed' && 'bg-amber-100 text-amber-950')}>
      {t(change)}
    </span>
  );
}

function RowView({ row, sourceLanguage, languageNames }: { row: StructureRow; sourceLanguage: string; languageNames: Readonly<Record<string, string>> }) {
  const t = useTranslations('structure.diff');
  return (
    <div data-structure-row={row.id ?? ''} data-kind={row.kind} data-change={row.change} className={cn('rounded-md border bg-surface px-2.5 py-1.5', CHANGE_CLASS_NAMES[row.change])}>
      <div className="flex flex-wrap items-center gap-1.5">
        <Badge tone={row.kind === 'SENTENCE' ? 'neutral' : 'accent'}>{kindLabel(row, t)}</Badge>
        <ChangeLabel change={row.change} />
      </div>
      <p lang={sourceLanguage} className={cn('mt-1 font-serif leading-relaxed whitespace-pre-wrap', row.change === 'retired' && 'line-through decoration-red-400', row.kind === 'HEADING' && 'font-semibold', row.kind === 'FOOTNOTE' && 'text-sm')}>
        <MarkedText text={row.text} mark={row.mark} />
      </p>
      {row.translations.length > 0 && (
        <ul className="mt-1.5 space-y-1 border-t border-line pt-1.5 text-sm" aria-label={t('translations')}>
          {row.translations.map((translation) => (
            <li key={translation.language} data-translation={translation.language} data-to-check={translation.toCheck || undefined} data-continues-previous={translation.continuesPrevious || undefined} className="flex flex-wrap items-baseline gap-x-1.5">
              <span className="text-xs font-semibold text-muted">{languageNames[translation.language] ?? translation.language}</span>
              {translation.continuesPrevious ? (
                <span className="text-xs text-muted italic">{t('continuesAbove')}</span>
              ) : (
                <span lang={translation.language} className="font-serif text-ink-soft">
                  {translation.text || <span className="font-sans text-xs text-muted italic">{t('noTranslation')}</span>}
                </span>
              )}
              {translation.toCheck && <span className="rounded bg-sky-100 px-1 text-[0.6875rem] font-semibold tracking-wide text-sky-900 uppercase">{t('toCheck')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The text with the place the change acts on marked: a span of it, or a point (a cut) drawn as a bar. */
function MarkedText({ text, mark }: { text: string; mark: StructureRow['mark'] }) {
  const t = useTranslations('structure.diff');
  if (!text) return <span className="font-sans text-sm text-muted italic">{t('noText')}</span>;
  if (!mark) return <>{text}</>;
  const from = Math.max(0, Math.min(mark.from, text.length));
  const to = Math.max(from, Math.min(mark.to, text.length));
  return (
    <>
      {text.slice(0, from)}
      {from === to ? (
        <mark data-mark="" className="mx-0.5 inline-block h-[1.1em] w-0.5 bg-accent-600 align-middle">
          <span className="sr-only">{t('here')}</span>
        </mark>
      ) : (
        <mark data-mark="" className="rounded-sm bg-accent-100 px-0.5 text-ink ring-1 ring-accent-400">
          {text.slice(from, to)}
        </mark>
      )}
      {text.slice(to)}
    </>
  );
}

import { useTranslations } from 'next-intl';

import type { DiffOp } from '@/lib/diff/word-diff';

import { cn } from '../ui/cn';


/**
 * Removed text as it should be seen: a removed line break as "↵" (a real break would reflow the
 * cleaned text), removed spaces alone as "·" so they are not invisible.
 */
function visibleDeletion(text: string): string {
  const marked = text.replace(/[ \t]*\r?\n[ \t]*/g, '↵');
  return /^[ \t]+$/.test(marked) ? marked.replace(/[ \t]/g, '·') : marked;
}

/** Kept line breaks in a one-line example, as a faint "↵". */
function oneLine(text: string) {
  const parts = text.split(/[ \t]*\r?\n[ \t]*/);
  return parts.map((part, index) => (
    <span key={index}>
      {index > 0 && <span className="text-stone-400"> ↵ </span>}
      {part}
    </span>
  ));
}

/**
 * A word diff as running text: removals struck through in red, additions underlined in green.
 * `<del>`/`<ins>` carry the meaning, and a hidden prefix says it to screen readers, so colour
 * is never the only cue.
 */
export function DiffText({ ops, isOneLine = false, className }: { ops: readonly DiffOp[]; isOneLine?: boolean; className?: string }) {
  const t = useTranslations('diff');
  return (
    <span className={cn(isOneLine ? 'break-words' : 'whitespace-pre-wrap break-words', className)}>
      {ops.map((op, index) => {
        if (op.kind === 'equal') return <span key={index}>{isOneLine ? oneLine(op.text) : op.text}</span>;
        if (op.kind === 'delete') {
          return (
            <del key={index} className="rounded-sm bg-red-50 text-red-800 decoration-red-700/70">
              <span className="sr-only">{t('removed')} </span>
              {visibleDeletion(op.text)}
              <span className="sr-only">{t('end')}</span>
            </del>
          );
        }
        return (
          <ins key={index} className="rounded-sm bg-emerald-50 text-emerald-900 decoration-emerald-700/70 underline-offset-2">
            <span className="sr-only">{t('added')} </span>
            {op.text}
            <span className="sr-only">{t('end')}</span>
          </ins>
        );
      })}
    </span>
  );
}

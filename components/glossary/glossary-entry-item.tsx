import { useTranslations } from 'next-intl';

import type { GlossaryEntry } from '@/lib/glossary/types';

import { EntryActions } from './entry-actions';
import { TranslationList } from './translation-list';

/** One term of the list: the term and its part of speech, its translations, note and example, and what the viewer may do with it. */
export function GlossaryEntryItem({ collectionId, entry, source, target, names, abilities }: { collectionId: string; entry: GlossaryEntry; source: string; target: string; names: Record<string, string>; abilities: { canPropose: boolean; canManage: boolean } }) {
  const t = useTranslations('glossary.partOfSpeech');
  return (
    <li className="py-3" data-glossary-entry={entry.text}>
      <div className="grid gap-x-6 gap-y-1 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
        <p>
          <span lang={source} className="font-serif text-lg font-semibold">
            {entry.text}
          </span>
          {entry.partOfSpeech && <span className="ml-2 text-xs text-muted">{t(entry.partOfSpeech)}</span>}
        </p>
        <div className="space-y-1">
          <TranslationList translations={entry.translations} lang={target} />
          {entry.note && <p className="text-sm text-ink-soft">{entry.note}</p>}
          {entry.example && (
            <p lang={source} className="font-serif text-sm text-muted italic">
              {entry.example}
            </p>
          )}
          {(abilities.canManage || abilities.canPropose) && <EntryActions collectionId={collectionId} entry={entry} canManage={abilities.canManage} canPropose={abilities.canPropose} sourceName={names[source] ?? source} targetName={names[target] ?? target} />}
        </div>
      </div>
    </li>
  );
}

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';

import type { LibraryWork } from '@/lib/reader/types';

import { LanguageProgressList } from './language-progress-list';
import { languageName } from '../format/language-name';
import { Card } from '../ui/card';

/** A work in the library: title (linking to its page), author, date, original language, progress. */
export function WorkCard({ work }: { work: LibraryWork }) {
  const t = useTranslations('library');
  const locale = useLocale();
  const byline = [work.author, work.dateText].filter(Boolean).join(' · ');
  return (
    <Card className="relative flex h-full flex-col p-5 transition-shadow focus-within:ring-2 focus-within:ring-accent-500 hover:shadow-md">
      <h3 className="font-serif text-lg leading-snug font-semibold text-ink">
        {/* The link covers the card so the whole card is one target, but is one tab stop. */}
        <Link href={`/works/${work.id}`} className="after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none">
          {work.title}
        </Link>
      </h3>
      {byline && <p className="mt-1 text-sm text-muted">{byline}</p>}
      <p className="mt-1 text-xs text-muted">{t('originalIn', { language: languageName(work.sourceLanguage, locale) })}</p>
      <LanguageProgressList languages={work.languages} className="mt-auto space-y-2.5 pt-5" />
    </Card>
  );
}

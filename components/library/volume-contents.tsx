import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';

import type { LanguageProgress, VolumeWork } from '@/lib/reader/types';

import { publishedPercent } from './language-progress-list';
import { languageLabel } from '../format/language-name';

/** "English 100% · Russian 12%": the published share of each language of a work. */
function languagesLine(languages: readonly LanguageProgress[], locale: string, percent: (share: number) => string): string {
  return languages.map((entry) => `${languageLabel(entry.language, locale)} ${percent(publishedPercent(entry) / 100)}`).join(' · ');
}

/**
 * A volume's contents in printed order: its works as a numbered list (title, date, languages),
 * with the front matter before and the back matter after as the volume's own parts.
 */
export function VolumeContents({ works }: { works: readonly VolumeWork[] }) {
  const t = useTranslations('library');
  const locale = useLocale();
  const format = useFormatter();
  const percent = (share: number) => format.number(share, { style: 'percent' });
  const front = works.filter((work) => work.part === 'FRONT_MATTER');
  const items = works.filter((work) => work.part === 'WORK');
  const back = works.filter((work) => work.part === 'BACK_MATTER');
  const matter = (label: string, parts: readonly VolumeWork[]) =>
    parts.length > 0 && (
      <p className="text-sm text-muted">
        <span className="font-medium text-ink-soft">{label}: </span>
        {parts.map((work, index) => (
          <span key={work.id}>
            {index > 0 && ' · '}
            <Link href={`/works/${work.id}`} className="text-accent-700 hover:underline">
              {work.title}
            </Link>
          </span>
        ))}
      </p>
    );
  return (
    <div className="space-y-3">
      {matter(t('frontMatter'), front)}
      <ol className="divide-y divide-line rounded-lg border border-line bg-surface">
        {items.map((work, index) => (
          <li key={work.id} className="flex gap-3 px-4 py-3">
            <span className="w-6 shrink-0 text-right text-sm text-muted tabular-nums">{index + 1}.</span>
            <div className="min-w-0">
              <Link
                href={`/works/${work.id}`}
               
                className="font-serif leading-snug font-semibold text-ink hover:text-accent-700 hover:underline aria-[current=page]:text-accent-700"
              >
                {work.title}
              </Link>
              <p className="mt-0.5 text-sm text-muted">{[work.dateText, languagesLine(work.languages, locale, percent)].filter(Boolean).join(' · ')}</p>
            </div>
          </li>
        ))}
      </ol>
      {matter(t('backMatter'), back)}
    </div>
  );
}

import Link from 'next/link';

import { readerHref } from '../reader/reader-href';
import { buttonClassName } from '../ui/button';
import { cn } from '../ui/cn';

export interface EditorPageHeaderProps {
  work: { id: string; title: string; collectionTitle: string };
  language: string;
  isSourceLanguage: boolean;
  /** The work's languages with their names, its source first. */
  languages: { language: string; name: string; isSource: boolean }[];
}

/** Above the segment editor: where we are, which language is being edited, and the way to switch. */
export function EditorPageHeader({ work, language, isSourceLanguage, languages }: EditorPageHeaderProps) {
  const current = languages.find((entry) => entry.language === language);
  const source = languages.find((entry) => entry.isSource);
  return (
    <header className="pb-3">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/" className="hover:text-ink hover:underline">
          Library
        </Link>{' '}
        <span aria-hidden="true">/</span> {work.collectionTitle} <span aria-hidden="true">/</span>{' '}
        <Link href={`/works/${work.id}`} className="hover:text-ink hover:underline">
          {work.title}
        </Link>
      </nav>
      <div className="mt-1 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <h1 className="font-serif text-2xl font-semibold tracking-tight text-balance">
          {isSourceLanguage ? `Correct the ${current?.name ?? language} original` : `Translate into ${current?.name ?? language}`}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          {languages.length > 1 && (
            <nav aria-label="Language to edit">
              <ul className="inline-flex flex-wrap rounded-lg bg-stone-100 p-1">
                {languages.map((entry) => (
                  <li key={entry.language}>
                    <Link
                      href={`/works/${work.id}/edit?lang=${encodeURIComponent(entry.language)}`}
                      aria-current={entry.language === language ? 'page' : undefined}
                      className={cn('block rounded-md px-3 py-1 text-sm font-medium', entry.language === language ? 'bg-surface text-ink shadow-sm' : 'text-muted hover:text-ink')}
                    >
                      {entry.isSource ? `${entry.name} (original)` : entry.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <Link
            href={isSourceLanguage ? readerHref({ workId: work.id, mode: 'single', lang: language }) : readerHref({ workId: work.id, mode: 'parallel', target: language })}
            className={buttonClassName({ variant: 'secondary', size: 'sm' })}
          >
            {isSourceLanguage ? `Read the ${source?.name ?? 'original'}` : 'Read side by side'}
          </Link>
        </div>
      </div>
    </header>
  );
}

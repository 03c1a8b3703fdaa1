import Link from 'next/link';

import { readerHref } from '../reader/reader-href';
import { buttonClassName } from '../ui/button';
import { cn } from '../ui/cn';

export interface AlignmentPageHeaderProps {
  work: { id: string; title: string; collectionTitle: string };
  language: string;
  /** The work's translations, with their names, for switching between them. */
  translations: { language: string; name: string }[];
  sourceName: string;
}

/** Above the alignment editor: where we are, which translation is being aligned, and the way to read the result. */
export function AlignmentPageHeader({ work, language, translations, sourceName }: AlignmentPageHeaderProps) {
  const current = translations.find((entry) => entry.language === language);
  return (
    <header className="mb-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/" className="hover:text-ink hover:underline">
          Library
        </Link>{' '}
        <span aria-hidden="true">/</span> {work.collectionTitle} <span aria-hidden="true">/</span>{' '}
        <Link href={`/works/${work.id}`} className="hover:text-ink hover:underline">
          {work.title}
        </Link>
      </nav>
      <div className="mt-2 flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <h1 className="font-serif text-3xl font-semibold tracking-tight text-balance">Fix the alignment</h1>
          <p className="mt-1 text-muted">
            {sourceName} original and its {current?.name ?? language} translation, row by row.
          </p>
        </div>
        <Link href={readerHref({ workId: work.id, mode: 'parallel', target: language })} className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
          Read side by side
        </Link>
      </div>
      {translations.length > 1 && (
        <nav aria-label="Translation" className="mt-4">
          <ul className="inline-flex flex-wrap rounded-lg bg-stone-100 p-1">
            {translations.map((entry) => (
              <li key={entry.language}>
                <Link
                  href={`/works/${work.id}/align?lang=${encodeURIComponent(entry.language)}`}
                  aria-current={entry.language === language ? 'page' : undefined}
                  className={cn('block rounded-md px-3 py-1.5 text-sm font-medium', entry.language === language ? 'bg-surface text-ink shadow-sm' : 'text-muted hover:text-ink')}
                >
                  {entry.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}

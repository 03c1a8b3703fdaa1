import Link from 'next/link';

import { cn } from '../ui/cn';

export interface LanguageTabsProps {
  /** Accessible name of the navigation ("Translation", "Language to edit"). */
  label: string;
  current: string;
  tabs: { language: string; label: string; href: string }[];
  className?: string;
}

/** Switches a work's tool page between languages: one link per language, the current one marked. */
export function LanguageTabs({ label, current, tabs, className }: LanguageTabsProps) {
  return (
    <nav aria-label={label} className={className}>
      <ul className="inline-flex flex-wrap rounded-lg bg-stone-100 p-1">
        {tabs.map((tab) => (
          <li key={tab.language}>
            <Link
              href={tab.href}
              aria-current={tab.language === current ? 'page' : undefined}
              className={cn('block rounded-md px-3 py-1.5 text-sm font-medium', tab.language === current ? 'bg-surface text-ink shadow-sm' : 'text-muted hover:text-ink')}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

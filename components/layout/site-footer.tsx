import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** A quiet footer saying what the site is, with the public API and the feeds. */
export function SiteFooter() {
  const t = useTranslations('footer');
  return (
    <footer className="mt-16 border-t border-line">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-muted sm:px-6">
        {t('about')}{' '}
        <Link href="/docs/api" className="underline hover:text-ink">
          {t('publicApi')}
        </Link>
        {' · '}
        {/* Feeds are files, not pages: plain links, so the browser (or a feed reader) opens them. */}
        <a href="/feeds/new.atom" type="application/atom+xml" className="underline hover:text-ink">
          {t('atomFeed')}
        </a>
        {' · '}
        <a href="/opds" type="application/atom+xml;profile=opds-catalog;kind=navigation" className="underline hover:text-ink">
          {t('opds')}
        </a>
      </div>
    </footer>
  );
}

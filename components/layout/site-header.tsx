import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { LanguageSwitcher } from './language-switcher';
import { Logo } from './logo';
import { NavLink } from './nav-link';
import { NotificationsLink } from './notifications-link';
import type { Viewer } from './viewer';
import { SessionRenewal } from '../auth/session-renewal';
import { SignOutButton } from '../auth/sign-out-button';
import { buttonClassName } from '../ui/button';

/** The site header: word mark, sections, the interface language, and the account (sign in / up, or name and sign out). */
export function SiteHeader({ viewer }: { viewer: Viewer | null }) {
  const t = useTranslations('header');
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-paper/90 backdrop-blur supports-[backdrop-filter]:bg-paper/80">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:flex-nowrap sm:px-6">
        <Logo />
        <nav aria-label={t('mainNavigation')} className="order-last -mx-2.5 flex w-full flex-wrap items-center gap-1 sm:order-none sm:mx-0 sm:w-auto">
          <NavLink href="/">{t('library')}</NavLink>
          <NavLink href="/search" className="md:hidden">{t('search')}</NavLink>
          {/* Translators look up how words were translated; readers find it from the search page. */}
          {viewer && <NavLink href="/concordance">{t('concordance')}</NavLink>}
          {viewer && <NavLink href="/glossary">{t('glossary')}</NavLink>}
          {viewer?.canReview && <NavLink href="/review">{t('review')}</NavLink>}
          {viewer && !viewer.canReview && <NavLink href="/suggestions">{t('mySuggestions')}</NavLink>}
          {viewer?.canImport && <NavLink href="/import">{t('import')}</NavLink>}
          {viewer?.canManageMembers && <NavLink href="/admin">{t('members')}</NavLink>}
        </nav>
        <form action="/search" method="get" role="search" aria-label={t('siteSearch')} className="ml-auto hidden md:block">
          <label htmlFor="header-search" className="sr-only">
            {t('searchPlaceholder')}
          </label>
          <input
            id="header-search"
            type="search"
            name="q"
            maxLength={200}
            placeholder={t('searchPlaceholder')}
            className="h-8 w-48 rounded-md border border-line-strong bg-surface px-2 text-sm focus-visible:outline-2 focus-visible:outline-accent-600/40 lg:w-64"
          />
        </form>
        <div className="ml-auto flex items-center gap-2 md:ml-0">
          <LanguageSwitcher />
          {viewer ? (
            <>
              <NotificationsLink unread={viewer.unreadNotifications} />
              <Link href="/account" className="max-w-[10rem] truncate text-sm text-muted hover:text-ink hover:underline" title={t('accountTitle', { email: viewer.email })}>
                {viewer.name}
              </Link>
              <SignOutButton />
              <SessionRenewal />
            </>
          ) : (
            <>
              <Link href="/sign-in" className={buttonClassName({ variant: 'ghost', size: 'sm' })}>
                {t('signIn')}
              </Link>
              <Link href="/sign-up" className={buttonClassName({ variant: 'primary', size: 'sm' })}>
                {t('signUp')}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

import { useLocale, useTranslations } from 'next-intl';

import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';

import { cn } from '../ui/cn';

/**
 * The header's choice of interface language: one button per language, named in that language
 * (its visible text is its accessible name), in a plain form that
 * works without JavaScript. The route remembers the choice (a cookie; the account's setting for
 * whoever is signed in) and comes back to this page.
 */
export function LanguageSwitcher() {
  const t = useTranslations('language');
  const current = useLocale();
  return (
    <form action="/api/interface-language" method="post" encType="multipart/form-data" className="flex items-center">
      {/* Said before the buttons, not as the form's name: "Language" fields of the pages stay the only ones so labelled. */}
      <span className="sr-only">{t('switcherLabel')}</span>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="language"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          title={t('switchTo', { language: LOCALE_NAMES[locale] })}
          className={cn(
            'rounded-md px-1.5 py-1 text-xs font-medium transition-colors',
            locale === current ? 'text-ink' : 'text-muted hover:bg-stone-100 hover:text-ink',
          )}
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}

import { useTranslations } from 'next-intl';

/** What an account is for, under the sign-up form: reading needs none; an account adds the rest. */
export function AccountAbilities() {
  const t = useTranslations('accountAbilities');
  return (
    <section aria-labelledby="account-abilities" className="mt-6 border-t border-line pt-5 text-sm">
      <h2 id="account-abilities" className="font-semibold">
        {t('title')}
      </h2>
      <p className="mt-2 text-muted">{t('withoutAccount')}</p>
      <p className="mt-2">{t('withAccount')}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        <li>{t('propose')}</li>
        <li>{t('discuss')}</li>
        <li>{t('notifications')}</li>
        <li>{t('followSuggestions')}</li>
      </ul>
      <p className="mt-2 text-muted">{t('editors')}</p>
    </section>
  );
}

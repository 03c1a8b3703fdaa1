import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { InterfaceLanguageForm } from '@/components/auth/interface-language-form';
import { getActor } from '@/lib/auth/session';
import { getBrowserLocale } from '@/lib/i18n/get-browser-locale';
import { isLocale } from '@/lib/i18n/locales';

import { changePasswordAction, setInterfaceLanguageAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

/** One's account: name, e-mail, the interface language and the password form. */
export default async function AccountPage() {
  const actor = await getActor();
  if (actor.kind !== 'user') redirect('/sign-in?callbackUrl=/account');
  const t = await getTranslations('account');
  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-2 text-muted">
        {actor.name} · {actor.email}
      </p>
      <h2 className="mt-10 font-serif text-xl font-semibold">{t('languageTitle')}</h2>
      <p className="mt-1 text-sm text-muted">{t('languageIntro')}</p>
      <div className="mt-5">
        <InterfaceLanguageForm
          language={isLocale(actor.interfaceLanguage) ? actor.interfaceLanguage : null}
          browserLanguage={await getBrowserLocale()}
          setInterfaceLanguageAction={setInterfaceLanguageAction}
        />
      </div>
      <h2 className="mt-10 font-serif text-xl font-semibold">{t('changePasswordTitle')}</h2>
      <p className="mt-1 text-sm text-muted">{t('changePasswordIntro')}</p>
      <div className="mt-5">
        <ChangePasswordForm owner={{ name: actor.name, email: actor.email }} changePasswordAction={changePasswordAction} />
      </div>
    </div>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

import { unreachableResult, type ActionResult } from '@/lib/errors/field-errors';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';

import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Select } from '../ui/select';

export interface InterfaceLanguageFormProps {
  /** The account's setting; null when it follows the browser. */
  language: Locale | null;
  /** The language the browser asks for (what "follow the browser" gives now). */
  browserLanguage: Locale;
  setInterfaceLanguageAction: (previous: null, payload: Record<string, unknown>) => Promise<ActionResult<unknown>>;
}

/** The account's interface language: one of ours, or whatever the browser asks for. */
export function InterfaceLanguageForm({ language, browserLanguage, setInterfaceLanguageAction }: InterfaceLanguageFormProps) {
  const t = useTranslations('account');
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [isPending, setIsPending] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    const outcome = await setInterfaceLanguageAction(null, { language: String(form.get('language') ?? '') }).catch(unreachableResult);
    setResult(outcome);
    setIsPending(false);
    if (outcome.ok) router.refresh();
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="flex flex-wrap items-end gap-3">
      <Field id="interface-language" label={t('languageLabel')} className="min-w-56">
        {(control) => (
          <Select {...control} name="language" defaultValue={language ?? ''}>
            <option value="">{t('followBrowser', { language: LOCALE_NAMES[browserLanguage] })}</option>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {LOCALE_NAMES[locale]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={isPending}>
        {isPending ? t('saving') : t('saveLanguage')}
      </Button>
      {result && (result.ok ? <Alert tone="success">{t('languageSaved')}</Alert> : <Alert tone="error">{result.error.message}</Alert>)}
    </form>
  );
}

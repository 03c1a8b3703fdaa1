import { useTranslations } from 'next-intl';
import type { SelectHTMLAttributes } from 'react';

import { Select } from '../ui/select';

/** The languages of a collection's works as a select, with "any language" (Latin letters) first when asked for. */
export function LanguageSelect({ languages, names, allowAny = false, ...props }: { languages: string[]; names: Record<string, string>; allowAny?: boolean } & SelectHTMLAttributes<HTMLSelectElement>) {
  const t = useTranslations('names.languageSelect');
  return (
    <Select {...props}>
      {allowAny && <option value="">{t('any')}</option>}
      {languages.map((language) => (
        <option key={language} value={language}>
          {names[language] ?? language}
        </option>
      ))}
    </Select>
  );
}

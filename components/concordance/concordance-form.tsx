import { useTranslations } from 'next-intl';

import { MAX_SEARCH_QUERY_CHARS } from '@/lib/search/schemas';

import { buttonClassName } from '../ui/button';
import { Input } from '../ui/input';
import { Label } from '../ui/label';
import { Select } from '../ui/select';

/** What the form shows: the search as read, or as typed when it could not be read. */
export interface ConcordanceFormValues {
  q?: string;
  source?: string;
  target?: string;
  side?: string;
}

export interface ConcordanceFormProps {
  values: ConcordanceFormValues;
  /** The languages to choose from, with their names. */
  languages: readonly string[];
  languageNames: Readonly<Record<string, string>>;
}

const SIDES = [
  { value: 'source', key: 'sideSource' },
  { value: 'target', key: 'sideTarget' },
  { value: 'both', key: 'sideBoth' },
] as const;

/** The concordance page's form: a plain GET form, so it works before (and without) JavaScript. */
export function ConcordanceForm({ values, languages, languageNames }: ConcordanceFormProps) {
  const t = useTranslations('concordance');
  // A language asked for that the library does not have stays selectable (it finds imported units).
  const choices = [...new Set([...languages, ...[values.source, values.target].filter((tag): tag is string => !!tag)])];
  const options = choices.map((language) => (
    <option key={language} value={language}>
      {languageNames[language] ?? language}
    </option>
  ));
  return (
    <form action="/concordance" method="get" role="search" aria-label={t('formLabel')} className="space-y-4">
      <div className="flex gap-2">
        <Label htmlFor="concordance-q" className="sr-only">
          {t('wordOrPhrase')}
        </Label>
        <Input id="concordance-q" type="search" name="q" defaultValue={values.q ?? ''} maxLength={MAX_SEARCH_QUERY_CHARS} placeholder={t('placeholder')} autoFocus={(values.q ?? '') === ''} />
        <button type="submit" className={buttonClassName()}>
          {t('search')}
        </button>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <Label htmlFor="concordance-source">{t('originalIn')}</Label>
          <Select id="concordance-source" name="source" defaultValue={values.source ?? ''}>
            {options}
          </Select>
        </div>
        <div>
          <Label htmlFor="concordance-target">{t('translatedInto')}</Label>
          <Select id="concordance-target" name="target" defaultValue={values.target ?? ''}>
            {options}
          </Select>
        </div>
        <div>
          <Label htmlFor="concordance-side">{t('lookIn')}</Label>
          <Select id="concordance-side" name="side" defaultValue={values.side ?? 'source'}>
            {SIDES.map((side) => (
              <option key={side.value} value={side.value}>
                {t(side.key)}
              </option>
            ))}
          </Select>
        </div>
      </div>
    </form>
  );
}

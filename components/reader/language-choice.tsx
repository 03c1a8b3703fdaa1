import { useTranslations } from 'next-intl';

export interface LanguageChoiceProps {
  /** The radio group's name (one per dialog). */
  name: string;
  languages: readonly string[];
  value: string | undefined;
  onChange: (language: string) => void;
  languageNames: Record<string, string>;
}

/** "Which text?": the languages a passage is shown in, as radio buttons (nothing when there is only one). */
export function LanguageChoice({ name, languages, value, onChange, languageNames }: LanguageChoiceProps) {
  const t = useTranslations('reader');
  if (languages.length < 2) return null;
  return (
    <fieldset>
      <legend className="text-sm font-medium">{t('whichText')}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {languages.map((tag) => (
          <label key={tag} className="inline-flex items-center gap-1.5">
            <input type="radio" name={name} value={tag} checked={value === tag} onChange={() => onChange(tag)} />
            {languageNames[tag] ?? tag}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

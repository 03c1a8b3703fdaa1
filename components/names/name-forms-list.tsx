import { useTranslations } from 'next-intl';

import type { NameFormView } from '@/lib/names/types';

type FormsListTranslator = ReturnType<typeof useTranslations<'names.formsList'>>;

/** The transliteration systems the catalogue names (lib/names/transliterate-name.ts). */
const SYSTEMS = ['ALA_LC', 'ALA_LC_ALT', 'BGN_PCGN', 'BGN_PCGN_ALT', 'GOST_779', 'WIKIPEDIA'] as const;

function systemLabel(system: string, t: FormsListTranslator): string {
  return (SYSTEMS as readonly string[]).includes(system) ? t(`systems.${system as (typeof SYSTEMS)[number]}`) : system;
}

/** Where a variant comes from, as the index says it. */
function originOf(form: NameFormView, names: Record<string, string>, t: FormsListTranslator): string {
  if (form.origin === 'TRANSLITERATION') return form.systems.map((system) => systemLabel(system, t)).join(', ');
  const language = form.language ? (names[form.language] ?? form.language) : t('anyLanguage');
  return form.origin === 'OBSERVED' ? t('observed', { language }) : language;
}

/** A name's preferred forms by language, then its variants with where each comes from. */
export function NameFormsList({ forms, names }: { forms: NameFormView[]; names: Record<string, string> }) {
  const t = useTranslations('names.formsList');
  const preferred = forms.filter((form) => form.isPreferred);
  const variants = forms.filter((form) => !form.isPreferred);
  return (
    <div className="space-y-1 text-sm">
      {preferred.length > 0 && (
        <p>
          {preferred.map((form, i) => (
            <span key={form.id}>
              {i > 0 && <span className="text-muted"> · </span>}
              <span className="text-muted">{names[form.language ?? ''] ?? form.language}:</span> <span lang={form.language ?? undefined} className="font-medium">{form.text}</span>
            </span>
          ))}
        </p>
      )}
      {variants.length > 0 && (
        <p className="text-muted">
          {t('alsoWritten')}{' '}
          {variants.map((form, i) => (
            <span key={form.id}>
              {i > 0 && '; '}
              <span lang={form.language ?? undefined} className="text-ink-soft">{form.text}</span> <span className="text-xs">({originOf(form, names, t)})</span>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

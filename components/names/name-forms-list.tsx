import { TRANSLITERATION_LABELS } from '@/lib/names/system-labels';
import type { NameFormView } from '@/lib/names/types';

/** Where a variant comes from, as the index says it. */
function originOf(form: NameFormView, names: Record<string, string>): string {
  if (form.origin === 'TRANSLITERATION') return form.systems.map((system) => TRANSLITERATION_LABELS[system] ?? system).join(', ');
  const language = form.language ? (names[form.language] ?? form.language) : 'any language';
  return form.origin === 'OBSERVED' ? `${language}, seen in a translation` : language;
}

/** A name's preferred forms by language, then its variants with where each comes from. */
export function NameFormsList({ forms, names }: { forms: NameFormView[]; names: Record<string, string> }) {
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
          Also written:{' '}
          {variants.map((form, i) => (
            <span key={form.id}>
              {i > 0 && '; '}
              <span lang={form.language ?? undefined} className="text-ink-soft">{form.text}</span> <span className="text-xs">({originOf(form, names)})</span>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

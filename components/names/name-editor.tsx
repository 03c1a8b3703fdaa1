import { useTranslations } from 'next-intl';

import type { NameSummary } from '@/lib/names/types';

import { ActionForm, type FormAction } from './action-form';
import { LanguageSelect } from './language-select';
import { Input } from '../ui/input';
import { Label } from '../ui/label';
import { Select } from '../ui/select';

export interface NameEditorActions {
  decide: FormAction<{ id: string; status: 'CONFIRMED' | 'REJECTED' }>;
  update: FormAction<{ id: string }>;
  addForm: FormAction<{ id: string }>;
  removeForm: FormAction<{ id: string }>;
  merge: FormAction<never>;
}

/**
 * What an editor does with a name on its page: confirm or reject it, change its kind and note,
 * add a preferred form or a variant, remove a form, merge it into another name.
 */
export function NameEditor({ name, names, languages, actions }: { name: NameSummary; names: Record<string, string>; languages: string[]; actions: NameEditorActions }) {
  const t = useTranslations('names.editor');
  const hidden = <input type="hidden" name="nameId" value={name.id} />;
  const own = name.forms.filter((form) => form.origin !== 'TRANSLITERATION');
  return (
    <section aria-labelledby="edit-heading" className="mt-12 space-y-8 rounded-lg border border-line bg-surface p-5 shadow-sm">
      <h2 id="edit-heading" className="font-serif text-xl font-semibold">{t('heading')}</h2>

      <div className="flex flex-wrap gap-3">
        {name.status !== 'CONFIRMED' && (
          <ActionForm action={actions.decide} submitLabel={t('confirm')} variant="primary">
            {hidden}
            <input type="hidden" name="decision" value="CONFIRMED" />
          </ActionForm>
        )}
        {name.status !== 'REJECTED' && (
          <ActionForm action={actions.decide} submitLabel={name.status === 'CONFIRMED' ? t('takeOut') : t('reject')} variant="ghost">
            {hidden}
            <input type="hidden" name="decision" value="REJECTED" />
          </ActionForm>
        )}
      </div>

      <div>
        <h3 className="mb-2 font-semibold">{t('kindAndNote')}</h3>
        <ActionForm action={actions.update} submitLabel={t('save')}>
          {hidden}
          <div className="space-y-1.5">
            <Label htmlFor="edit-kind">{t('kind')}</Label>
            <Select id="edit-kind" name="kind" defaultValue={name.kind}>
              <option value="PERSON">{t('person')}</option>
              <option value="PLACE">{t('place')}</option>
            </Select>
          </div>
          <div className="min-w-64 flex-1 space-y-1.5">
            <Label htmlFor="edit-note">{t('note')}</Label>
            <Input id="edit-note" name="note" defaultValue={name.note} maxLength={2000} />
          </div>
        </ActionForm>
      </div>

      <div>
        <h3 className="mb-2 font-semibold">{t('addSpelling')}</h3>
        <ActionForm action={actions.addForm} submitLabel={t('add')}>
          {hidden}
          <div className="min-w-56 flex-1 space-y-1.5">
            <Label htmlFor="add-form-text">{t('spelling')}</Label>
            <Input id="add-form-text" name="text" required maxLength={200} />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="add-form-language">{t('language')}</Label>
            <LanguageSelect id="add-form-language" name="language" languages={languages} names={names} allowAny />
          </div>
          <label className="flex h-10 items-center gap-2 text-sm">
            <input type="checkbox" name="isPreferred" /> {t('preferred')}
          </label>
        </ActionForm>
      </div>

      {own.length > 1 && (
        <div>
          <h3 className="mb-2 font-semibold">{t('removeSpelling')}</h3>
          <p className="mb-2 text-sm text-muted">{t('transliterations')}</p>
          <ul className="space-y-2">
            {own.map((form) => (
              <li key={form.id} className="flex items-center justify-between gap-3">
                <span>
                  <span lang={form.language ?? undefined}>{form.text}</span>{' '}
                  <span className="text-sm text-muted">
                    {t('formDetails', { language: form.language ? (names[form.language] ?? form.language) : t('anyLanguage'), preferred: form.isPreferred ? 'yes' : 'no' })}
                  </span>
                </span>
                <ActionForm action={actions.removeForm} submitLabel={t('remove')} variant="ghost">
                  {hidden}
                  <input type="hidden" name="formId" value={form.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div>
        <h3 className="mb-2 font-semibold">{t('mergeHeading')}</h3>
        <p className="mb-2 text-sm text-muted">{t('mergeText')}</p>
        <ActionForm action={actions.merge} submitLabel={t('merge')} variant="danger">
          {hidden}
          <div className="min-w-64 flex-1 space-y-1.5">
            <Label htmlFor="merge-into">{t('mergeInto')}</Label>
            <Input id="merge-into" name="into" required maxLength={200} />
          </div>
        </ActionForm>
      </div>
    </section>
  );
}

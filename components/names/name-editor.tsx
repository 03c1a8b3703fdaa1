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
  const hidden = <input type="hidden" name="nameId" value={name.id} />;
  const own = name.forms.filter((form) => form.origin !== 'TRANSLITERATION');
  return (
    <section aria-labelledby="edit-heading" className="mt-12 space-y-8 rounded-lg border border-line bg-surface p-5 shadow-sm">
      <h2 id="edit-heading" className="font-serif text-xl font-semibold">Edit this name</h2>

      <div className="flex flex-wrap gap-3">
        {name.status !== 'CONFIRMED' && (
          <ActionForm action={actions.decide} submitLabel="Confirm into the index" variant="primary">
            {hidden}
            <input type="hidden" name="decision" value="CONFIRMED" />
          </ActionForm>
        )}
        {name.status !== 'REJECTED' && (
          <ActionForm action={actions.decide} submitLabel={name.status === 'CONFIRMED' ? 'Take out of the index' : 'Reject'} variant="ghost">
            {hidden}
            <input type="hidden" name="decision" value="REJECTED" />
          </ActionForm>
        )}
      </div>

      <div>
        <h3 className="mb-2 font-semibold">Kind and note</h3>
        <ActionForm action={actions.update} submitLabel="Save">
          {hidden}
          <div className="space-y-1.5">
            <Label htmlFor="edit-kind">Kind</Label>
            <Select id="edit-kind" name="kind" defaultValue={name.kind}>
              <option value="PERSON">Person</option>
              <option value="PLACE">Place</option>
            </Select>
          </div>
          <div className="min-w-64 flex-1 space-y-1.5">
            <Label htmlFor="edit-note">Note</Label>
            <Input id="edit-note" name="note" defaultValue={name.note} maxLength={2000} />
          </div>
        </ActionForm>
      </div>

      <div>
        <h3 className="mb-2 font-semibold">Add a spelling</h3>
        <ActionForm action={actions.addForm} submitLabel="Add">
          {hidden}
          <div className="min-w-56 flex-1 space-y-1.5">
            <Label htmlFor="add-form-text">Spelling</Label>
            <Input id="add-form-text" name="text" required maxLength={200} />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="add-form-language">Language</Label>
            <LanguageSelect id="add-form-language" name="language" languages={languages} names={names} allowAny />
          </div>
          <label className="flex h-10 items-center gap-2 text-sm">
            <input type="checkbox" name="isPreferred" /> Preferred in this language
          </label>
        </ActionForm>
      </div>

      {own.length > 1 && (
        <div>
          <h3 className="mb-2 font-semibold">Remove a spelling</h3>
          <p className="mb-2 text-sm text-muted">Transliterations go with the Russian spelling they come from.</p>
          <ul className="space-y-2">
            {own.map((form) => (
              <li key={form.id} className="flex items-center justify-between gap-3">
                <span>
                  <span lang={form.language ?? undefined}>{form.text}</span>{' '}
                  <span className="text-sm text-muted">
                    ({form.language ? (names[form.language] ?? form.language) : 'any language'}
                    {form.isPreferred ? ', preferred' : ''})
                  </span>
                </span>
                <ActionForm action={actions.removeForm} submitLabel="Remove" variant="ghost">
                  {hidden}
                  <input type="hidden" name="formId" value={form.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div>
        <h3 className="mb-2 font-semibold">Merge into another name</h3>
        <p className="mb-2 text-sm text-muted">The same person or place entered twice: the other name takes this one’s spellings, and this one is removed.</p>
        <ActionForm action={actions.merge} submitLabel="Merge" variant="danger">
          {hidden}
          <div className="min-w-64 flex-1 space-y-1.5">
            <Label htmlFor="merge-into">A spelling of the other name</Label>
            <Input id="merge-into" name="into" required maxLength={200} />
          </div>
        </ActionForm>
      </div>
    </section>
  );
}

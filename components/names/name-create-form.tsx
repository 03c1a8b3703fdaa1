import { useTranslations } from 'next-intl';

import { ActionForm, type FormAction } from './action-form';
import { LanguageSelect } from './language-select';
import { Input } from '../ui/input';
import { Label } from '../ui/label';
import { Select } from '../ui/select';

/**
 * Adds a name to the index (editors: confirmed at once) or proposes one (volunteers): its kind,
 * its preferred form in one language, a note.
 */
export function NameCreateForm({ action, collectionId, languages, names, isProposal }: { action: FormAction<{ id: string; status: 'PROPOSED' | 'CONFIRMED' }>; collectionId: string; languages: string[]; names: Record<string, string>; isProposal: boolean }) {
  const t = useTranslations('names.createForm');
  const id = isProposal ? 'propose-name' : 'add-name';
  return (
    <ActionForm action={action} submitLabel={isProposal ? t('propose') : t('add')}>
      <input type="hidden" name="collectionId" value={collectionId} />
      <div className="min-w-56 flex-1 space-y-1.5">
        <Label htmlFor={`${id}-text`}>{t('name')}</Label>
        <Input id={`${id}-text`} name="text" required maxLength={200} placeholder={t('namePlaceholder')} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-language`}>{t('language')}</Label>
        <LanguageSelect id={`${id}-language`} name="language" languages={languages.length > 0 ? languages : ['en']} names={names} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-kind`}>{t('kind')}</Label>
        <Select id={`${id}-kind`} name="kind" defaultValue="PERSON">
          <option value="PERSON">{t('person')}</option>
          <option value="PLACE">{t('place')}</option>
        </Select>
      </div>
      <div className="min-w-56 flex-1 space-y-1.5">
        <Label htmlFor={`${id}-note`}>
          {t('note')} <span className="font-normal text-muted">{t('optional')}</span>
        </Label>
        <Input id={`${id}-note`} name="note" maxLength={2000} placeholder={t('notePlaceholder')} />
      </div>
    </ActionForm>
  );
}

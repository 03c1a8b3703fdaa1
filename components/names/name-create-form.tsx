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
  const id = isProposal ? 'propose-name' : 'add-name';
  return (
    <ActionForm action={action} submitLabel={isProposal ? 'Propose' : 'Add to the index'}>
      <input type="hidden" name="collectionId" value={collectionId} />
      <div className="min-w-56 flex-1 space-y-1.5">
        <Label htmlFor={`${id}-text`}>Name</Label>
        <Input id={`${id}-text`} name="text" required maxLength={200} placeholder="Григорий Зиновьев" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-language`}>Language</Label>
        <LanguageSelect id={`${id}-language`} name="language" languages={languages.length > 0 ? languages : ['en']} names={names} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-kind`}>Kind</Label>
        <Select id={`${id}-kind`} name="kind" defaultValue="PERSON">
          <option value="PERSON">Person</option>
          <option value="PLACE">Place</option>
        </Select>
      </div>
      <div className="min-w-56 flex-1 space-y-1.5">
        <Label htmlFor={`${id}-note`}>
          Note <span className="font-normal text-muted">(optional)</span>
        </Label>
        <Input id={`${id}-note`} name="note" maxLength={2000} placeholder="1883–1936, chairman of the Comintern" />
      </div>
    </ActionForm>
  );
}

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
  { value: 'source', label: 'the original' },
  { value: 'target', label: 'the translation' },
  { value: 'both', label: 'either side' },
] as const;

/** The concordance page's form: a plain GET form, so it works before (and without) JavaScript. */
export function ConcordanceForm({ values, languages, languageNames }: ConcordanceFormProps) {
  // A language asked for that the library does not have stays selectable (it finds imported units).
  const choices = [...new Set([...languages, ...[values.source, values.target].filter((tag): tag is string => !!tag)])];
  const options = choices.map((language) => (
    <option key={language} value={language}>
      {languageNames[language] ?? language}
    </option>
  ));
  return (
    <form action="/concordance" method="get" role="search" aria-label="Concordance" className="space-y-4">
      <div className="flex gap-2">
        <Label htmlFor="concordance-q" className="sr-only">
          Word or phrase
        </Label>
        <Input id="concordance-q" type="search" name="q" defaultValue={values.q ?? ''} maxLength={MAX_SEARCH_QUERY_CHARS} placeholder='A word, "a phrase", prefix*' autoFocus={(values.q ?? '') === ''} />
        <button type="submit" className={buttonClassName()}>
          Search
        </button>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <Label htmlFor="concordance-source">Original in</Label>
          <Select id="concordance-source" name="source" defaultValue={values.source ?? ''}>
            {options}
          </Select>
        </div>
        <div>
          <Label htmlFor="concordance-target">Translated into</Label>
          <Select id="concordance-target" name="target" defaultValue={values.target ?? ''}>
            {options}
          </Select>
        </div>
        <div>
          <Label htmlFor="concordance-side">Look in</Label>
          <Select id="concordance-side" name="side" defaultValue={values.side ?? 'source'}>
            {SIDES.map((side) => (
              <option key={side.value} value={side.value}>
                {side.label}
              </option>
            ))}
          </Select>
        </div>
      </div>
    </form>
  );
}

import { PART_OF_SPEECH_LABELS, PARTS_OF_SPEECH, TERM_STATUS_LABELS, TERM_STATUSES } from '@/lib/glossary/glossary-values';
import { MAX_GLOSSARY_QUERY_CHARS } from '@/lib/glossary/schemas';

import { Button } from '../ui/button';
import { Input } from '../ui/input';
import { Label } from '../ui/label';
import { Select } from '../ui/select';

/** The list's search and filters: a plain GET form, so a search is a link like any other. */
export function GlossaryFilters({ collectionId, source, target, values }: { collectionId: string; source: string; target: string; values: { q?: string; status?: string; partOfSpeech?: string } }) {
  return (
    <form method="get" action="/glossary" role="search" aria-label="Search the glossary" className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_10rem_auto] sm:items-end">
      <input type="hidden" name="collection" value={collectionId} />
      <input type="hidden" name="source" value={source} />
      <input type="hidden" name="target" value={target} />
      <div className="space-y-1.5">
        <Label htmlFor="glossary-q">Term or translation</Label>
        <Input id="glossary-q" name="q" type="search" defaultValue={values.q ?? ''} maxLength={MAX_GLOSSARY_QUERY_CHARS} placeholder="Any form of the word, or part of it" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="glossary-status">With a translation</Label>
        <Select id="glossary-status" name="status" defaultValue={values.status ?? ''}>
          <option value="">of any status</option>
          {TERM_STATUSES.map((status) => (
            <option key={status} value={status}>
              {TERM_STATUS_LABELS[status].toLowerCase()}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="glossary-pos">Part of speech</Label>
        <Select id="glossary-pos" name="partOfSpeech" defaultValue={values.partOfSpeech ?? ''}>
          <option value="">any</option>
          {PARTS_OF_SPEECH.map((part) => (
            <option key={part} value={part}>
              {PART_OF_SPEECH_LABELS[part]}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}

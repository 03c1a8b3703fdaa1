import { useTranslations } from 'next-intl';

import { PARTS_OF_SPEECH, TERM_STATUSES } from '@/lib/glossary/glossary-values';
import { MAX_GLOSSARY_QUERY_CHARS } from '@/lib/glossary/schemas';

import { Button } from '../ui/button';
import { Input } from '../ui/input';
import { Label } from '../ui/label';
import { Select } from '../ui/select';

/** The list's search and filters: a plain GET form, so a search is a link like any other. */
export function GlossaryFilters({ collectionId, source, target, values }: { collectionId: string; source: string; target: string; values: { q?: string; status?: string; partOfSpeech?: string } }) {
  const t = useTranslations('glossary');
  return (
    <form method="get" action="/glossary" role="search" aria-label={t('filters.label')} className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_10rem_auto] sm:items-end">
      <input type="hidden" name="collection" value={collectionId} />
      <input type="hidden" name="source" value={source} />
      <input type="hidden" name="target" value={target} />
      <div className="space-y-1.5">
        <Label htmlFor="glossary-q">{t('filters.query')}</Label>
        <Input id="glossary-q" name="q" type="search" defaultValue={values.q ?? ''} maxLength={MAX_GLOSSARY_QUERY_CHARS} placeholder={t('filters.queryPlaceholder')} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="glossary-status">{t('filters.status')}</Label>
        <Select id="glossary-status" name="status" defaultValue={values.status ?? ''}>
          <option value="">{t('filters.anyStatus')}</option>
          {TERM_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`filters.statusOption.${status}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="glossary-pos">{t('filters.partOfSpeech')}</Label>
        <Select id="glossary-pos" name="partOfSpeech" defaultValue={values.partOfSpeech ?? ''}>
          <option value="">{t('filters.anyPart')}</option>
          {PARTS_OF_SPEECH.map((part) => (
            <option key={part} value={part}>
              {t(`partOfSpeech.${part}`)}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        {t('filters.submit')}
      </Button>
    </form>
  );
}

import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { SearchFilters } from '@/lib/search/find-search-filters';

import { buttonClassName } from '../ui/button';
import { Input } from '../ui/input';
import { Label } from '../ui/label';
import { Select } from '../ui/select';

/** What the form shows: the search as read, or as typed when it could not be read. */
export type SearchFormValues = { [K in 'q' | 'collection' | 'language' | 'author' | 'from' | 'to']?: string | number };

export interface SearchFormProps {
  input: SearchFormValues;
  filters: SearchFilters;
  languageNames: Record<string, string>;
}

/** The search page's form: a plain GET form, so it works before (and without) JavaScript. */
export function SearchForm({ input, filters, languageNames }: SearchFormProps) {
  const t = useTranslations('search');
  const scope = filters.work ?? filters.volume;
  return (
    <form action="/search" method="get" role="search" aria-label={t('formLabel')} className="space-y-4">
      <div className="flex gap-2">
        <Label htmlFor="search-q" className="sr-only">
          {t('searchFor')}
        </Label>
        <Input id="search-q" type="search" name="q" defaultValue={String(input.q ?? '')} maxLength={200} placeholder={t('placeholder')} autoFocus={String(input.q ?? '') === ''} />
        <button type="submit" className={buttonClassName()}>
          {t('submit')}
        </button>
      </div>
      {scope && (
        <p className="text-sm text-muted">
          {t.rich('onlyIn', { title: scope.title, strong: (chunks) => <span className="font-medium text-ink">{chunks}</span> })}{' '}
          <Link href={`/search?q=${encodeURIComponent(String(input.q ?? ''))}`} className="underline">
            {t('wholeLibrary')}
          </Link>
          {filters.work && <input type="hidden" name="work" value={filters.work.id} />}
          {filters.volume && !filters.work && <input type="hidden" name="volume" value={filters.volume.id} />}
        </p>
      )}
      <details open={[input.collection, input.language, input.author, input.from, input.to].some((value) => value !== undefined && value !== '')}>
        <summary className="cursor-pointer text-sm text-muted">{t('filters')}</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <div>
            <Label htmlFor="search-collection">{t('collection')}</Label>
            <Select id="search-collection" name="collection" defaultValue={String(input.collection ?? '')}>
              <option value="">{t('allCollections')}</option>
              {filters.collections.map((collection) => (
                <option key={collection.id} value={collection.id}>
                  {collection.title}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <Label htmlFor="search-language">{t('language')}</Label>
            <Select id="search-language" name="language" defaultValue={String(input.language ?? '')}>
              <option value="">{t('anyLanguage')}</option>
              {filters.languages.map((language) => (
                <option key={language} value={language}>
                  {languageNames[language] ?? language}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <Label htmlFor="search-author">{t('author')}</Label>
            <Input id="search-author" name="author" defaultValue={String(input.author ?? '')} maxLength={200} />
          </div>
          <div className="flex gap-2">
            <div>
              <Label htmlFor="search-from">{t('fromYear')}</Label>
              <Input id="search-from" name="from" type="number" min={1} max={9999} defaultValue={input.from ?? ''} />
            </div>
            <div>
              <Label htmlFor="search-to">{t('toYear')}</Label>
              <Input id="search-to" name="to" type="number" min={1} max={9999} defaultValue={input.to ?? ''} />
            </div>
          </div>
        </div>
      </details>
    </form>
  );
}

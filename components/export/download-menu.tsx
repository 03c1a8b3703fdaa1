'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';

import { BILINGUAL_LAYOUTS, DOWNLOAD_FORMATS, FORMATS_WITH_LAYOUT, TRANSLATION_FORMATS, WORK_ONLY_FORMATS, type DownloadFormat } from '@/lib/export/schemas';

import { buttonClassName } from '../ui/button';
import { Field } from '../ui/field';
import { Select } from '../ui/select';

export interface DownloadMenuProps {
  /** The download route: `/api/works/[workId]/export` or `/api/volumes/[volumeId]/export`. */
  action: string;
  /** The languages it is read in, the original first, with their names. */
  languages: readonly { tag: string; name: string }[];
  /** A volume: formats of one work only (JSON Lines) are not offered. */
  isVolume?: boolean;
}

/**
 * "Download": a disclosure with the format, the language, an optional second language and, for
 * EPUB and HTML with two languages, the layout. XLIFF and TMX (for translators' tools, offered
 * when there is a translation) take the translation as their language and no second one. A plain GET form to the download route, so the
 * browser saves the answer as the file it names (and the menu works before scripts load); choices
 * that do not apply are disabled, so they are not sent.
 */
export function DownloadMenu({ action, languages, isVolume = false }: DownloadMenuProps) {
  const t = useTranslations('download');
  const id = useId();
  const translations = languages.slice(1);
  const formats = DOWNLOAD_FORMATS.filter((format) => (!isVolume || !WORK_ONLY_FORMATS.includes(format)) && (translations.length > 0 || !TRANSLATION_FORMATS.includes(format)));
  const [format, setFormat] = useState<DownloadFormat>('epub');
  const [main, setMain] = useState(languages[0]?.tag ?? '');
  const [second, setSecond] = useState('');
  const isData = WORK_ONLY_FORMATS.includes(format);
  const isForTools = TRANSLATION_FORMATS.includes(format);
  const hasLayout = FORMATS_WITH_LAYOUT.includes(format) && second !== '' && !isData;
  const chooseFormat = (next: DownloadFormat) => {
    setFormat(next);
    if (TRANSLATION_FORMATS.includes(next)) {
      // The original beside one translation: the language is a translation, and there is no second one.
      if (!translations.some((language) => language.tag === main)) setMain(translations[0]?.tag ?? '');
      setSecond('');
    }
  };
  return (
    <details className="group rounded-lg border border-line bg-surface shadow-sm" data-testid="download-menu">
      <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-2.5 text-sm font-medium select-none">
        {t('title')}
        <span aria-hidden="true" className="text-muted transition-transform group-open:rotate-180">▾</span>
      </summary>
      <form method="get" action={action} className="space-y-3 border-t border-line px-4 pt-3 pb-4">
        <Field id={`${id}-format`} label={t('format')}>
          {(control) => (
            <Select {...control} name="format" value={format} onChange={(event) => chooseFormat(event.target.value as DownloadFormat)} className="w-full">
              {formats.map((entry) => (
                <option key={entry} value={entry}>
                  {t(`formats.${entry}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id={`${id}-lang`} label={isForTools ? t('translationLanguage') : t('language')} hint={isData ? t('jsonlHint') : isForTools ? t('toolsHint') : undefined}>
          {(control) => (
            <Select {...control} name="lang" value={main} disabled={isData} onChange={(event) => {
              setMain(event.target.value);
              if (event.target.value === second) setSecond('');
            }} className="w-full">
              {(isForTools ? translations : languages).map((language) => (
                <option key={language.tag} value={language.tag}>
                  {language.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {languages.length > 1 && !isForTools && (
          <Field id={`${id}-with`} label={t('secondLanguage')} isOptional>
            {(control) => (
              <Select {...control} name="with" value={second} disabled={isData} onChange={(event) => setSecond(event.target.value)} className="w-full">
                <option value="">{t('none')}</option>
                {languages
                  .filter((language) => language.tag !== main)
                  .map((language) => (
                    <option key={language.tag} value={language.tag}>
                      {language.name}
                    </option>
                  ))}
              </Select>
            )}
          </Field>
        )}
        {hasLayout && (
          <Field id={`${id}-layout`} label={t('layout')}>
            {(control) => (
              <Select {...control} name="layout" defaultValue="side-by-side" className="w-full">
                {BILINGUAL_LAYOUTS.map((layout) => (
                  <option key={layout} value={layout}>
                    {t(`layouts.${layout}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        {second !== '' && !isData && !isForTools && !FORMATS_WITH_LAYOUT.includes(format) && <p className="text-xs text-muted">{t('alternateNote')}</p>}
        <button type="submit" className={buttonClassName({ size: 'sm', className: 'w-full' })}>
          {t('title')}
        </button>
      </form>
    </details>
  );
}

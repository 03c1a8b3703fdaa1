import { useTranslations } from 'next-intl';

import type { GlossaryEntryTranslation } from '@/lib/glossary/types';

import { Badge } from '../ui/badge';
import { cn } from '../ui/cn';

const TONES = { preferred: 'success', admitted: 'neutral', forbidden: 'warning' } as const;

/** A term's translations, each with how it may be used (a forbidden one struck through). */
export function TranslationList({ translations, lang }: { translations: readonly GlossaryEntryTranslation[]; lang: string }) {
  const t = useTranslations('glossary.status');
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1">
      {translations.map((translation) => (
        <li key={translation.id} className="inline-flex items-center gap-1.5" data-term-status={translation.status}>
          <span lang={lang} className={cn('font-serif', translation.status === 'forbidden' && 'text-muted line-through')}>
            {translation.text}
          </span>
          <Badge tone={TONES[translation.status]}>{t(translation.status)}</Badge>
        </li>
      ))}
    </ul>
  );
}

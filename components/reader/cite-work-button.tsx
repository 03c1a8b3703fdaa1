'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

import { CiteDialog } from './cite-dialog';
import { Button } from '../ui/button';

export interface CiteWorkButtonProps {
  workId: string;
  /** Languages the work can be cited in, the one read first (none: the original). */
  languages: string[];
  languageNames: Record<string, string>;
}

/** "Cite this work" in the reader's toolbar. */
export function CiteWorkButton({ workId, languages, languageNames }: CiteWorkButtonProps) {
  const t = useTranslations('cite');
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        {t('citeButton')}
      </Button>
      {isOpen && <CiteDialog target={{ workId, languages }} languageNames={languageNames} onClose={() => setOpen(false)} />}
    </>
  );
}

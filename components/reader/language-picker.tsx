'use client';

import { useRouter } from 'next/navigation';
import { useId } from 'react';

import { readerHref } from './reader-href';
import type { ReadingMode } from './reading-mode';
import { Select } from '../ui/select';

export interface LanguagePickerProps {
  workId: string;
  mode: ReadingMode;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}

/**
 * Chooses the language of single mode or the translation of parallel mode; the choice is part of
 * the URL, so it can be shared and survives a reload.
 */
export function LanguagePicker({ workId, mode, label, value, options }: LanguagePickerProps) {
  const router = useRouter();
  const id = useId();
  const handleChange = (language: string) => {
    router.push(readerHref({ workId, mode, lang: mode === 'single' ? language : null, target: mode === 'parallel' ? language : null }));
  };
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium text-muted">
        {label}
      </label>
      <Select id={id} value={value} onChange={(event) => handleChange(event.target.value)} className="h-9 w-auto min-w-32 py-1">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

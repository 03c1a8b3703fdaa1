'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState, type DragEvent } from 'react';

import { formatByteSize } from '@/components/format/byte-size';

import { cn } from '../ui/cn';

export interface FileDropZoneProps {
  id: string;
  file: File | null;
  maxBytes: number;
  onFile: (file: File | null) => void;
  describedBy?: string;
}

/** A file picker that also accepts a dropped file; the native input stays focusable and labelled. */
export function FileDropZone({ id, file, maxBytes, onFile, describedBy }: FileDropZoneProps) {
  const t = useTranslations('import.dropZone');
  const format = useFormatter();
  const [isDragging, setIsDragging] = useState(false);
  const handleDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setIsDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  return (
    <div>
      <input
        id={id}
        type="file"
        accept=".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        className="peer sr-only"
        aria-describedby={describedBy}
        onChange={(event) => onFile(event.target.files?.[0] ?? null)}
      />
      <label
        htmlFor={id}
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={handleDrop}
        className={cn(
          'flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-4 py-8 text-center transition-colors',
          'peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent-600',
          isDragging ? 'border-accent-500 bg-accent-50' : 'border-line-strong bg-surface hover:border-accent-200 hover:bg-stone-50',
        )}
      >
        {file ? (
          <>
            <span className="font-medium break-all text-ink">{file.name}</span>
            <span className="text-sm text-muted">{t('chosen', { size: formatByteSize(file.size, format) })}</span>
          </>
        ) : (
          <>
            <span className="font-medium text-ink">{t('prompt')}</span>
            <span className="text-sm text-muted">{t('formats', { limit: formatByteSize(maxBytes, format) })}</span>
          </>
        )}
      </label>
    </div>
  );
}

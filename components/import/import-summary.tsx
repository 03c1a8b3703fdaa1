import Link from 'next/link';

import { CLEANUP_RULES } from '@/lib/cleanup';
import type { VolumeImportSummary } from '@/lib/import/import-volume';
import type { ImportSummary as ImportSummaryData } from '@/lib/import/types';

import { encodingLabel } from './encoding-label';
import { isVolumeResult, type ImportResult } from './import-result';
import { workKindLabel } from './work-kind-label';
import { readerHref } from '../reader/reader-href';
import { Alert } from '../ui/alert';
import { Button, buttonClassName } from '../ui/button';
import { Card } from '../ui/card';

const RULE_TITLES = new Map<string, string>(CLEANUP_RULES.map((rule) => [rule.id, rule.title]));

/** What an import produced, with the ways to open the new work (or the works of a split volume). */
export function ImportSummary({ result, onImportAnother }: { result: ImportResult; onImportAnother: () => void }) {
  return isVolumeResult(result) ? <VolumeSummary result={result} onImportAnother={onImportAnother} /> : <WorkSummary result={result} onImportAnother={onImportAnother} />;
}

function WorkSummary({ result, onImportAnother }: { result: ImportSummaryData; onImportAnother: () => void }) {
  const { counts } = result;
  const figures: [string, number][] = [
    ['Headings', counts.heading],
    ['Paragraphs', counts.paragraph],
    ['Sentences', counts.sentence],
    ['Footnotes', counts.footnote],
    ['Page anchors', result.pageAnchors.length],
  ];
  return (
    <Card className="p-6">
      <Alert tone="success" title={`Imported “${result.title}”`}>
        The original file is stored unchanged; the text is split into segments ready to be corrected and translated.
      </Alert>
      <dl className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-md bg-stone-50 px-3 py-2 ring-1 ring-line">
            <dt className="text-xs text-muted">{label}</dt>
            <dd className="text-xl font-semibold text-ink tabular-nums">{value.toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
      <CleanupReport encoding={result.encoding} cleanup={result.cleanup} />
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href={`/works/${result.workId}`} className={buttonClassName()}>
          Open the work
        </Link>
        <Link href={readerHref({ workId: result.workId, mode: 'single' })} className={buttonClassName({ variant: 'secondary' })}>
          Read in one language
        </Link>
        <Link href={readerHref({ workId: result.workId, mode: 'parallel' })} className={buttonClassName({ variant: 'secondary' })}>
          Read in parallel
        </Link>
        <Button variant="ghost" onClick={onImportAnother}>
          Import another text
        </Button>
      </div>
    </Card>
  );
}

function VolumeSummary({ result, onImportAnother }: { result: VolumeImportSummary; onImportAnother: () => void }) {
  const { works } = result;
  return (
    <Card className="p-6">
      <Alert tone="success" title={`Imported ${works.length} works`}>
        {result.splitBy === 'anthology'
          ? 'The collection was split into its pieces, each with its author and source; the original file is stored unchanged with the first part.'
          : 'The volume was split by its table of contents; the original file is stored unchanged with the first part.'}
      </Alert>
      <section aria-labelledby="import-works-heading" className="mt-6 text-sm">
        <h2 id="import-works-heading" className="font-medium text-ink">
          Works created
        </h2>
        <ol className="mt-2 space-y-1">
          {works.map((work) => (
            <li key={work.workId} data-work-kind={work.kind} className="flex min-w-0 flex-wrap items-baseline gap-x-2">
              <Link href={`/works/${work.workId}`} className="min-w-0 break-words font-medium text-accent-700 underline-offset-2 hover:underline">
                {work.title}
              </Link>
              {work.firstPage && <span className="text-xs text-muted tabular-nums">p. {work.firstPage}</span>}
              {workKindLabel(work.kind) && <span className="rounded bg-stone-200 px-1.5 text-xs text-ink-soft">{workKindLabel(work.kind)}</span>}
              <span className="text-xs text-muted tabular-nums">{work.counts.sentence.toLocaleString('en')} sentences</span>
            </li>
          ))}
        </ol>
      </section>
      <CleanupReport encoding={result.encoding} cleanup={result.cleanup} />
      <div className="mt-6 flex flex-wrap gap-3">
        <Button variant="ghost" onClick={onImportAnother}>
          Import another text
        </Button>
      </div>
    </Card>
  );
}

function CleanupReport({ encoding, cleanup }: { encoding: string; cleanup: { ruleId: string; count: number; summary: string }[] }) {
  return (
    <section aria-labelledby="import-cleanup-heading" className="mt-6 text-sm">
      <h2 id="import-cleanup-heading" className="font-medium text-ink">
        How the text was read and cleaned
      </h2>
      <p className="mt-1 text-muted" data-encoding={encoding}>
        Read as {encodingLabel(encoding)}.{cleanup.length === 0 && ' No cleanup rules ran: the text was imported as written.'}
      </p>
      {cleanup.length > 0 && (
        <ul className="mt-2 space-y-1">
          {cleanup.map((line) => (
            <li key={line.ruleId} data-cleanup-rule={line.ruleId} className={line.count === 0 ? 'text-muted' : 'text-ink-soft'}>
              <span className="font-medium text-ink">{RULE_TITLES.get(line.ruleId) ?? line.ruleId}:</span> {line.summary}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

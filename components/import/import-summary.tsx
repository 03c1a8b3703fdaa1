import Link from 'next/link';

import { CLEANUP_RULES } from '@/lib/cleanup';
import type { ImportSummary as ImportSummaryData } from '@/lib/import/types';

import { encodingLabel } from './encoding-label';
import { readerHref } from '../reader/reader-href';
import { Alert } from '../ui/alert';
import { Button, buttonClassName } from '../ui/button';
import { Card } from '../ui/card';

const RULE_TITLES = new Map<string, string>(CLEANUP_RULES.map((rule) => [rule.id, rule.title]));

/** What an import produced, with the ways to open the new work. */
export function ImportSummary({ result, onImportAnother }: { result: ImportSummaryData; onImportAnother: () => void }) {
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
      <section aria-labelledby="import-cleanup-heading" className="mt-6 text-sm">
        <h2 id="import-cleanup-heading" className="font-medium text-ink">
          How the text was read and cleaned
        </h2>
        <p className="mt-1 text-muted" data-encoding={result.encoding}>
          Read as {encodingLabel(result.encoding)}.{result.cleanup.length === 0 && ' No cleanup rules ran: the text was imported as written.'}
        </p>
        {result.cleanup.length > 0 && (
          <ul className="mt-2 space-y-1">
            {result.cleanup.map((line) => (
              <li key={line.ruleId} data-cleanup-rule={line.ruleId} className={line.count === 0 ? 'text-muted' : 'text-ink-soft'}>
                <span className="font-medium text-ink">{RULE_TITLES.get(line.ruleId) ?? line.ruleId}:</span> {line.summary}
              </li>
            ))}
          </ul>
        )}
      </section>
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

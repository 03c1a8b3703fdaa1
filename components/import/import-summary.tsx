import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';

import type { VolumeImportSummary } from '@/lib/import/import-volume';
import type { CleanupReportLine } from '@/lib/import/prepare-text';
import type { ImportSummary as ImportSummaryData } from '@/lib/import/types';

import { cleanupRuleSummary, cleanupRuleTitle } from './cleanup-rule-text';
import { encodingLabel } from './encoding-label';
import { isVolumeResult, type ImportResult } from './import-result';
import { workKindLabel } from './work-kind-label';
import { readerHref } from '../reader/reader-href';
import { Alert } from '../ui/alert';
import { Button, buttonClassName } from '../ui/button';
import { Card } from '../ui/card';

/** What an import produced, with the ways to open the new work (or the works of a split volume). */
export function ImportSummary({ result, onImportAnother }: { result: ImportResult; onImportAnother: () => void }) {
  return isVolumeResult(result) ? <VolumeSummary result={result} onImportAnother={onImportAnother} /> : <WorkSummary result={result} onImportAnother={onImportAnother} />;
}

function WorkSummary({ result, onImportAnother }: { result: ImportSummaryData; onImportAnother: () => void }) {
  const t = useTranslations('import');
  const format = useFormatter();
  const { counts } = result;
  const figures: [string, number][] = [
    [t('summary.headings'), counts.heading],
    [t('summary.paragraphs'), counts.paragraph],
    [t('summary.sentences'), counts.sentence],
    [t('summary.footnotes'), counts.footnote],
    [t('summary.pageAnchors'), result.pageAnchors.length],
  ];
  return (
    <Card className="p-6">
      <Alert tone="success" title={t('summary.imported', { title: result.title })}>
        {t('summary.stored')}
      </Alert>
      <dl className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-md bg-stone-50 px-3 py-2 ring-1 ring-line">
            <dt className="text-xs text-muted">{label}</dt>
            <dd className="text-xl font-semibold text-ink tabular-nums">{format.number(value)}</dd>
          </div>
        ))}
      </dl>
      <CleanupReport encoding={result.encoding} cleanup={result.cleanup} />
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href={`/works/${result.workId}`} className={buttonClassName()}>
          {t('summary.openWork')}
        </Link>
        <Link href={readerHref({ workId: result.workId, mode: 'single' })} className={buttonClassName({ variant: 'secondary' })}>
          {t('summary.readSingle')}
        </Link>
        <Link href={readerHref({ workId: result.workId, mode: 'parallel' })} className={buttonClassName({ variant: 'secondary' })}>
          {t('summary.readParallel')}
        </Link>
        <Button variant="ghost" onClick={onImportAnother}>
          {t('summary.another')}
        </Button>
      </div>
    </Card>
  );
}

function VolumeSummary({ result, onImportAnother }: { result: VolumeImportSummary; onImportAnother: () => void }) {
  const t = useTranslations('import');
  const { works } = result;
  return (
    <Card className="p-6">
      <Alert tone="success" title={t('summary.importedWorks', { count: works.length })}>
        {result.splitBy === 'anthology' ? t('summary.anthologyText') : t('summary.volumeText')}
      </Alert>
      <section aria-labelledby="import-works-heading" className="mt-6 text-sm">
        <h2 id="import-works-heading" className="font-medium text-ink">
          {t('summary.worksCreated')}
        </h2>
        <ol className="mt-2 space-y-1">
          {works.map((work) => {
            const kindLabel = workKindLabel(work.kind, t);
            return (
            <li key={work.workId} data-work-kind={work.kind} className="flex min-w-0 flex-wrap items-baseline gap-x-2">
              <Link href={`/works/${work.workId}`} className="min-w-0 break-words font-medium text-accent-700 underline-offset-2 hover:underline">
                {work.title}
              </Link>
              {work.firstPage && <span className="text-xs text-muted tabular-nums">{t('summary.page', { page: work.firstPage })}</span>}
              {kindLabel && <span className="rounded bg-stone-200 px-1.5 text-xs text-ink-soft">{kindLabel}</span>}
              <span className="text-xs text-muted tabular-nums">{t('summary.sentenceCount', { count: work.counts.sentence })}</span>
            </li>
            );
          })}
        </ol>
      </section>
      <CleanupReport encoding={result.encoding} cleanup={result.cleanup} />
      <div className="mt-6 flex flex-wrap gap-3">
        <Button variant="ghost" onClick={onImportAnother}>
          {t('summary.another')}
        </Button>
      </div>
    </Card>
  );
}

function CleanupReport({ encoding, cleanup }: { encoding: string; cleanup: CleanupReportLine[] }) {
  const t = useTranslations('import');
  return (
    <section aria-labelledby="import-cleanup-heading" className="mt-6 text-sm">
      <h2 id="import-cleanup-heading" className="font-medium text-ink">
        {t('summary.cleanupHeading')}
      </h2>
      <p className="mt-1 text-muted" data-encoding={encoding}>
        {t(cleanup.length === 0 ? 'summary.readAsNoCleanup' : 'summary.readAs', { encoding: encodingLabel(encoding, t) })}
      </p>
      {cleanup.length > 0 && (
        <ul className="mt-2 space-y-1">
          {cleanup.map((line) => (
            <li key={line.ruleId} data-cleanup-rule={line.ruleId} className={line.count === 0 ? 'text-muted' : 'text-ink-soft'}>
              {t.rich('summary.ruleLine', {
                rule: cleanupRuleTitle(line.ruleId, t),
                summary: cleanupRuleSummary(line, t),
                b: (chunks) => <span className="font-medium text-ink">{chunks}</span>,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

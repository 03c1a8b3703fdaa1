import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { buttonClassName } from '../ui/button';
import { Card } from '../ui/card';

/** Why the alignment editor cannot open: not allowed here, or nothing to align yet. */
export function AlignmentNotice({ workId, workTitle, reason }: { workId: string; workTitle: string; reason: 'notAllowed' | 'noTranslation' }) {
  const t = useTranslations('align.notice');
  const isNotAllowed = reason === 'notAllowed';
  return (
    <div className="mx-auto max-w-xl px-4 py-16 sm:px-6">
      <Card className="p-8">
        <p className="text-sm text-muted">{workTitle}</p>
        <h1 className="mt-1 font-serif text-2xl font-semibold">{t(isNotAllowed ? 'notAllowedTitle' : 'noTranslationTitle')}</h1>
        <p className="mt-3 text-muted">
          {isNotAllowed ? t('notAllowedText') : t.rich('noTranslationText', { b: (chunks) => <span className="font-medium text-ink">{chunks}</span> })}
        </p>
        <Link href={`/works/${workId}`} className={buttonClassName({ variant: 'secondary', className: 'mt-6' })}>
          {t('workPage')}
        </Link>
      </Card>
    </div>
  );
}

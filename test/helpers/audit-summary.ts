import { createTranslator } from 'next-intl';

import { describeAuditEvent, type AuditSummaryFormat } from '../../components/admin/describe-audit-event';
import type { AuditLogItem } from '../../lib/audit/types';
import en from '../../lib/i18n/messages/en.json';
import ru from '../../lib/i18n/messages/ru.json';

/** How the log writes a summary in one of the interface's languages, as the page does with next-intl. */
export function summaryFormat(locale: 'en' | 'ru'): AuditSummaryFormat {
  const numbers = new Intl.NumberFormat(locale);
  return { t: createTranslator({ locale, messages: locale === 'en' ? en : ru, namespace: 'admin.audit.summary' }), formatNumber: (value) => numbers.format(value) };
}

/** An item of the audit log's summary line in English. */
export function englishSummary(item: AuditLogItem | undefined): string | undefined {
  return item && describeAuditEvent({ event: item.event, names: item.names, ...summaryFormat('en') });
}

import type { useTranslations } from 'next-intl';

import type { AuditEvent } from '@/lib/audit/events';
import type { Messages } from '@/lib/i18n/load-messages';

/** Most parts shown in one summary line. */
const MAX_PARTS = 6;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The messages of the summary line (`useTranslations('admin.audit.summary')`). */
export type AuditSummaryTranslator = ReturnType<typeof useTranslations<'admin.audit.summary'>>;

/** A field of an event's data with a name in the catalogues. */
type FieldKey = keyof Messages['admin']['audit']['summary']['fields'];

/** How the summary writes words and numbers: in the interface's language. */
export interface AuditSummaryFormat {
  t: AuditSummaryTranslator;
  /** A number as the interface's language writes it (next-intl's `format.number`). */
  formatNumber: (value: number) => string;
}

/**
 * An audit event's data in one line for the log: role changes in words, anything else as its
 * fields ("reason: TERMINOLOGY · suggestion: 0191c2e4…"), ids shortened, long values cut and
 * nested lists counted; for `null` (a stored event that could not be read) a line that says so.
 * `names` maps account ids to names (`accountIdsIn` of lib/audit/events.ts lists them). Pure.
 */
export function describeAuditEvent({ event, names, t, formatNumber }: { event: AuditEvent | null; names: Readonly<Record<string, string>> } & AuditSummaryFormat): string {
  if (!event) return t('unreadable');
  const person = (userId: string) => names[userId] ?? shortId(userId);
  if (event.type === 'role.granted') {
    const { userId, role, previousRole } = event.data;
    return previousRole ? t('roleChanged', { person: person(userId), role, previousRole }) : t('roleGranted', { person: person(userId), role });
  }
  if (event.type === 'role.revoked') return t('roleRevoked', { person: person(event.data.userId) });
  const format = { t, formatNumber };
  const parts: string[] = [];
  for (const [key, value] of Object.entries(event.data)) {
    const shown = key === 'userId' && typeof value === 'string' ? person(value) : formatValue(value, format);
    if (shown === null) continue;
    parts.push(shown === '' ? label(key, t) : `${label(key, t)}: ${shown}`);
    if (parts.length === MAX_PARTS) break;
  }
  return parts.join(' · ');
}

function formatValue(value: unknown, format: AuditSummaryFormat, depth = 0): string | null {
  const { t, formatNumber } = format;
  if (value === null || value === undefined || value === false) return null;
  if (value === true) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    if (UUID.test(value)) return shortId(value);
    return value.length > 60 ? t('quoted', { text: `${value.slice(0, 57)}…` }) : value.includes(' ') ? t('quoted', { text: value }) : value;
  }
  if (Array.isArray(value)) return value.length === 0 ? null : t('items', { count: value.length });
  if (isRecord(value) && depth === 0) {
    const inner = Object.entries(value)
      .map(([key, nested]) => [key, formatValue(nested, format, 1)] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== null && entry[1] !== '')
      .map(([key, shown]) => `${label(key, t)} ${shown}`);
    return inner.length === 0 ? null : inner.slice(0, 4).join(', ');
  }
  return null;
}

const shortId = (id: string) => `${id.slice(0, 8)}…`;

/** A field's name: from the catalogue, or, for names only the data knows (figures by kind), the key in words. */
function label(key: string, t: AuditSummaryTranslator): string {
  const field = `fields.${key}` as `fields.${FieldKey}`;
  return t.has(field) ? t(field) : key.replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

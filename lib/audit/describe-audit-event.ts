import type { AuditEvent } from './events';

/** Most parts shown in one summary line. */
const MAX_PARTS = 6;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the log shows for a stored event that does not parse (an unknown type, or damaged data). */
export const UNREADABLE_EVENT_SUMMARY = 'The data of this event could not be read.';

/** The account ids an event's data names (whose names the summary shows instead). */
export function accountIdsIn(event: AuditEvent): string[] {
  return 'userId' in event.data ? [event.data.userId] : [];
}

/**
 * An audit event's data in one line for the log: role changes in words, anything else as its
 * fields ("reason: TERMINOLOGY · suggestion: 0191c2e4…"), ids shortened, long values cut and
 * nested lists counted; for `null` (a stored event that could not be read) a line that says so.
 * `names` maps account ids to names. Pure.
 */
export function describeAuditEvent({ event, names }: { event: AuditEvent | null; names: ReadonlyMap<string, string> }): string {
  if (!event) return UNREADABLE_EVENT_SUMMARY;
  const person = (userId: string) => names.get(userId) ?? shortId(userId);
  if (event.type === 'role.granted') {
    const { userId, role, previousRole } = event.data;
    return `${person(userId)} made ${roleName(role)}${previousRole ? ` (was ${roleName(previousRole)})` : ''}`;
  }
  if (event.type === 'role.revoked') return `${person(event.data.userId)} no longer editor or admin`;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(event.data)) {
    const shown = key === 'userId' && typeof value === 'string' ? person(value) : formatValue(value);
    if (shown === null) continue;
    parts.push(shown === '' ? label(key) : `${label(key)}: ${shown}`);
    if (parts.length === MAX_PARTS) break;
  }
  return parts.join(' · ');
}

function formatValue(value: unknown, depth = 0): string | null {
  if (value === null || value === undefined || value === false) return null;
  if (value === true) return '';
  if (typeof value === 'number') return value.toLocaleString('en');
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    if (UUID.test(value)) return shortId(value);
    return value.length > 60 ? `“${value.slice(0, 57)}…”` : value.includes(' ') ? `“${value}”` : value;
  }
  if (Array.isArray(value)) return value.length === 0 ? null : `${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  if (isRecord(value) && depth === 0) {
    const inner = Object.entries(value)
      .map(([key, nested]) => [key, formatValue(nested, 1)] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== null && entry[1] !== '')
      .map(([key, shown]) => `${label(key)} ${shown}`);
    return inner.length === 0 ? null : inner.slice(0, 4).join(', ');
  }
  return null;
}

const shortId = (id: string) => `${id.slice(0, 8)}…`;
const roleName = (role: string) => (role === 'ADMIN' ? 'admin' : role === 'EDITOR' ? 'editor' : role.toLowerCase());
const label = (key: string) => key.replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

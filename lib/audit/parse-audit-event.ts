import { AUDIT_EVENTS, isAuditEventType, type AuditEvent, type AuditEventType } from './events';
import { AppError } from '../errors/app-error';
import { issuesInLine } from '../errors/issues-in-line';

/** A stored event as read from `audit_event`. */
export interface StoredAuditEventRow {
  id: string;
  type: string;
  data: unknown;
}

export type AuditEventReading = { isReadable: true; event: AuditEvent } | { isReadable: false; problem: string };

/**
 * Reads a stored event against the table of event types: typed, or the reason it cannot be read
 * (a type this version does not know, or data not of its type's shape). Never throws: for display.
 */
export function safeParseAuditEvent(row: StoredAuditEventRow): AuditEventReading {
  if (!isAuditEventType(row.type)) return { isReadable: false, problem: `unknown event type “${row.type}”` };
  const parsed = AUDIT_EVENTS[row.type].data.safeParse(row.data);
  if (!parsed.success) return { isReadable: false, problem: issuesInLine(parsed.error) };
  // The schema was picked by this very type, so type and data belong together.
  return { isReadable: true, event: { type: row.type, data: parsed.data } as AuditEvent };
}

/**
 * Reads a stored event that must be of one of `types` (e.g. the change undo replays). A row that
 * does not parse is damaged: it is logged with its id and the fields at fault, and refused with
 * an INTERNAL AppError saying so, so that nothing is replayed from it.
 */
export function parseAuditEvent<T extends AuditEventType>(row: StoredAuditEventRow, types: readonly T[]): AuditEvent<T> {
  const reading = safeParseAuditEvent(row);
  if (reading.isReadable && isOneOf(types, reading.event.type)) return reading.event as AuditEvent<T>;
  console.error(`[audit] event ${row.id} (${row.type}) cannot be read: ${reading.isReadable ? `expected ${types.join(' or ')}` : reading.problem}`);
  throw new AppError('INTERNAL', 'audit.damagedRecord', { details: { eventId: row.id } });
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

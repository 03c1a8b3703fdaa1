/** Read models of the audit log, shared by server code and components. */

import type { AuditEvent } from './events';

/** Event types the app writes, for the filter's suggestions (prefixes such as "role." match several). */
export { AUDIT_EVENT_TYPES } from './events';

/** One row of the audit log as an admin sees it. */
export interface AuditLogItem {
  id: string;
  type: string;
  /** Who did it; null for the command line, or an account since deleted. */
  actor: { id: string; name: string } | null;
  /** The collection and work it is about; `title` null when they have been deleted since. */
  collection: { id: string; title: string | null } | null;
  work: { id: string; title: string | null } | null;
  /** A cascade of another event rather than a direct action. */
  isImplicit: boolean;
  /** ISO time. */
  createdAt: string;
  /** The typed event (components/admin/describe-audit-event.ts puts it in a line in the reader's language); null when its type is unknown or its data damaged. */
  event: AuditEvent | null;
  /** Names of the accounts the event's data names, by id (those still there). */
  names: Record<string, string>;
}

export interface AuditLogPage {
  items: AuditLogItem[];
  /** Cursor of the next (older) page, or null on the last one. */
  next: string | null;
  /** The collections the viewer may filter by (those whose log they may read). */
  collections: { id: string; title: string }[];
}

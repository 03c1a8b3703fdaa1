/** Read models of the audit log, shared by server code and components. */

/** Event types the app writes, for the filter's suggestions (prefixes such as "role." match several). */
export { AUDIT_EVENT_TYPES } from './events';

/** One row of the audit log as an admin sees it. */
export interface AuditLogItem {
  id: string;
  type: string;
  /** Who did it; null for the command line, or an account since deleted. */
  actor: { id: string; name: string } | null;
  collection: { id: string; title: string } | null;
  work: { id: string; title: string } | null;
  /** A cascade of another event rather than a direct action. */
  isImplicit: boolean;
  /** ISO time. */
  createdAt: string;
  /** The event's data in a line (who was granted what, which suggestion, …). */
  summary: string;
}

export interface AuditLogPage {
  items: AuditLogItem[];
  /** Cursor of the next (older) page, or null on the last one. */
  next: string | null;
  /** The collections the viewer may filter by (those whose log they may read). */
  collections: { id: string; title: string }[];
}

/** Read models of the audit log, shared by server code and components. */

/** Event types the app writes, for the filter's suggestions (prefixes such as "role." match several). */
export const AUDIT_EVENT_TYPES = [
  'role.granted',
  'role.revoked',
  'collection.created',
  'user.registered',
  'user.password_changed',
  'user.disabled',
  'user.enabled',
  'site.administrator_set_up',
  'work.imported',
  'work.reimported',
  'volume.imported',
  'translation.imported',
  'translation.aligned',
  'translation.confirmed',
  'alignment.edited',
  'alignment.realigned',
  'alignment.undone',
  'suggestion.created',
  'suggestion.published_directly',
  'suggestion.approved',
  'suggestion.validated',
  'suggestion.rejected',
  'revision.reverted',
  'report.resolved',
  'report.dismissed',
] as const;

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

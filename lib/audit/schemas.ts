import { z } from 'zod';

import { fieldMessage } from '../errors/error-text';

const uuid = z.string().uuid(fieldMessage('form.invalidId'));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, fieldMessage('form.audit.dayFormat')).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), fieldMessage('form.audit.notADate'));
// Empty form fields (a GET form sends every field) mean "no filter".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** Filters and keyset cursor of the audit log (all optional; newest first). */
export const auditFilter = z.object({
  /** Events whose type starts with this ("role." for role changes, "suggestion.rejected"). */
  type: optional(z.string().trim().max(60).regex(/^[a-z_.]*$/i, fieldMessage('form.audit.typeCharacters'))),
  collectionId: optional(uuid),
  /** The account that acted, by id … */
  actorId: optional(uuid),
  /** … or by e-mail. */
  actorEmail: optional(z.string().trim().toLowerCase().email(fieldMessage('form.audit.email'))),
  /** First day included (UTC). */
  from: optional(day),
  /** Last day included (UTC). */
  to: optional(day),
  /** Keyset cursor: `next` of the previous page. */
  before: optional(z.string().regex(/^\d{1,15}_[0-9a-f-]{36}$/i, fieldMessage('form.audit.cursor'))),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditFilter = z.input<typeof auditFilter>;

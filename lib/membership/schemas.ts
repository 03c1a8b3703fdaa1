import { z } from 'zod';

import { MAX_TITLE_CHARS } from '../config/limits';
import { fieldMessage } from '../errors/error-text';

/** Grant a collection role to the account with this e-mail. */
export const grantRoleSchema = z.object({
  /** The collection the role applies to. */
  collectionId: z.string().uuid(fieldMessage('form.membership.collection')),
  /** E-mail of an existing account. */
  email: z.string().trim().toLowerCase().email(fieldMessage('form.membership.email')),
  /** EDITOR reviews and imports; ADMIN also manages the collection's members. */
  role: z.enum(['EDITOR', 'ADMIN']),
});
export type GrantRoleInput = z.infer<typeof grantRoleSchema>;

/** Remove a member's role in a collection. */
export const revokeRoleSchema = z.object({
  collectionId: z.string().uuid(),
  userId: z.string().uuid(),
});
export type RevokeRoleInput = z.infer<typeof revokeRoleSchema>;

/** Create a collection. */
export const createCollectionSchema = z.object({
  /** Title shown in the library ("Collected Works, vol. 8"). */
  title: z.string().trim().min(1, fieldMessage('form.titleMissing')).max(MAX_TITLE_CHARS),
  /** One or two sentences shown under the title. */
  description: z.string().trim().max(2000).optional().default(''),
});
export type CreateCollectionInput = z.infer<typeof createCollectionSchema>;

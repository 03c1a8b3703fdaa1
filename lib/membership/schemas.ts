import { z } from 'zod';

import { INVITATION_EXPIRY_DAYS, MAX_INVITATION_USES, MAX_TITLE_CHARS } from '../config/limits';
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

/** The roles an invitation link may give, from least to most trusted. */
export const INVITATION_ROLES = ['VOLUNTEER', 'EDITOR', 'ADMIN'] as const;
export type InvitationRoleName = (typeof INVITATION_ROLES)[number];

/** Create an invitation link for a collection (form fields arrive as strings). */
export const createInvitationSchema = z.object({
  collectionId: z.string().uuid(fieldMessage('form.membership.collection')),
  role: z.enum(INVITATION_ROLES),
  /** Days until the link stops working: one of INVITATION_EXPIRY_DAYS. */
  expiresInDays: z.coerce.number().int().refine((days) => (INVITATION_EXPIRY_DAYS as readonly number[]).includes(days), fieldMessage('form.membership.expiry')),
  /** How many accounts may join with it; empty: no limit. */
  maxUses: z.preprocess(
    (value) => (value === '' || value === null || value === undefined ? undefined : value),
    z.coerce.number().int(fieldMessage('form.membership.wholeNumber')).min(1, fieldMessage('form.membership.atLeastOneUse')).max(MAX_INVITATION_USES, fieldMessage('form.membership.atMostUses', { max: MAX_INVITATION_USES })).optional(),
  ),
});
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const revokeInvitationSchema = z.object({ invitationId: z.string().uuid() });
export type RevokeInvitationInput = z.infer<typeof revokeInvitationSchema>;

/** The token of an invitation link, as it appears in the link. */
export const invitationTokenSchema = z.string().trim().min(16).max(200).regex(/^[A-Za-z0-9_-]+$/);

export const acceptInvitationSchema = z.object({ token: invitationTokenSchema });

/** A collection's review rules (a checkbox sends "on" or nothing). */
export const reviewRulesSchema = z.object({
  collectionId: z.string().uuid(),
  reviewPolicy: z.enum(['SINGLE', 'DOUBLE']),
  allowSelfApproval: z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean()),
});
export type ReviewRulesInput = z.infer<typeof reviewRulesSchema>;

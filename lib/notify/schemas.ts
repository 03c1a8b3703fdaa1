import { z } from 'zod';

import { fieldMessage } from '../errors/error-text';

export const notificationPageInput = z.object({
  /** Keyset cursor: the id of the last notification of the previous page (newest first). */
  before: z.string().uuid(fieldMessage('form.cursor')).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Only notifications not read yet. */
  unread: z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]).optional(),
});
export type NotificationPageInput = z.input<typeof notificationPageInput>;

export const markReadInput = z
  .object({
    /** The notifications to mark as read (one's own; others' ids are ignored). */
    ids: z.array(z.string().uuid(fieldMessage('form.invalidId'))).min(1).max(200).optional(),
    /** Mark every notification of one's own as read. */
    all: z.literal(true).optional(),
  })
  .refine((input) => (input.ids === undefined) !== (input.all === undefined), { message: fieldMessage('form.notify.idsOrAll'), path: ['ids'] });
export type MarkReadInput = z.input<typeof markReadInput>;

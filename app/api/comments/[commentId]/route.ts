import { deleteComment } from '@/lib/discussion/delete-comment';
import { commentRef, updateCommentInput } from '@/lib/discussion/schemas';
import { updateComment } from '@/lib/discussion/update-comment';
import { defineRoute } from '@/lib/http/route';

/** Changes the text of one's own comment. */
export const PATCH = defineRoute({
  permission: 'comment.create',
  input: updateCommentInput,
  maxBodyBytes: 64 * 1024,
  handler: async ({ actor, input }) => Response.json({ comment: await updateComment({ actor, input }) }),
});

/** Deletes one's own comment, or anyone's for moderators; it keeps its place without its text. */
export const DELETE = defineRoute({
  permission: 'comment.create',
  input: commentRef,
  handler: async ({ actor, input }) => {
    await deleteComment({ actor, input });
    return Response.json({ ok: true });
  },
});

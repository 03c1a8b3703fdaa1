import { createComment } from '@/lib/discussion/create-comment';
import { findSegmentThreads } from '@/lib/discussion/find-segment-threads';
import { createCommentInput, segmentThreadsInput } from '@/lib/discussion/schemas';
import { defineRoute } from '@/lib/http/route';

/** The discussion of a segment (`?lang=` keeps threads about that language and about the whole segment). */
export const GET = defineRoute({
  permission: 'work.read',
  input: segmentThreadsInput,
  handler: async ({ actor, input }) =>
    Response.json({ threads: await findSegmentThreads({ actor, segmentId: input.segmentId, language: input.lang }) }, { headers: { 'cache-control': 'no-store' } }),
});

/** Starts a thread on the segment, or replies to one with `replyToId`. */
export const POST = defineRoute({
  permission: 'comment.create',
  input: createCommentInput,
  maxBodyBytes: 64 * 1024,
  handler: async ({ actor, input }) => Response.json({ comment: await createComment({ actor, input }) }, { status: 201 }),
});

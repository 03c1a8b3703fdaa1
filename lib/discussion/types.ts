/** Discussions as the UI shows them. Pure: shared by the server and the components. */

export interface DiscussionComment {
  id: string;
  /** The thread's first comment (its own id for the first comment). */
  threadId: string;
  /** The author; null when the comment was deleted or the account is gone. */
  author: { id: string; name: string } | null;
  /** Empty when deleted. Mentions are `@[Name](user-id)` tokens (see lib/discussion/mentions). */
  body: string;
  mentionIds: string[];
  createdAt: string;
  editedAt: string | null;
  isDeleted: boolean;
  /** What the asking actor may do with it. */
  canEdit: boolean;
  canDelete: boolean;
}

export interface DiscussionThread {
  id: string;
  segmentId: string;
  /** The language it is about; null for the segment as a whole. */
  language: string | null;
  isResolved: boolean;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
  comments: DiscussionComment[];
  canReply: boolean;
  canResolve: boolean;
}

/** A thread in a work's overview: where it is and how it stands, without all its comments. */
export interface WorkThreadSummary {
  id: string;
  segmentId: string;
  language: string | null;
  isResolved: boolean;
  resolvedAt: string | null;
  author: { id: string; name: string } | null;
  /** The first comment as one line (empty when deleted). */
  excerpt: string;
  createdAt: string;
  /** Comments in the thread, the first one included, deleted ones too. */
  commentCount: number;
  lastCommentAt: string;
  /** The segment's published text in the work's language, cut to one line. */
  segmentExcerpt: string;
}

/** Someone who can be mentioned in a segment's discussion. */
export interface MentionableUser {
  id: string;
  name: string;
}

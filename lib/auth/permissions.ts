import { AppError } from '../errors/app-error';

/**
 * The one permission table of Interlinear. Routes, server actions, the collaboration server and
 * the UI (through abilities computed on the server) all ask `can` / `assertCan`; nothing else
 * decides who may do what.
 */

/** Role of an actor with respect to one resource, from least to most trusted. */
export type Role = 'anonymous' | 'volunteer' | 'editor' | 'admin';

export type CollectionRoleName = 'EDITOR' | 'ADMIN';

/**
 * Who is asking. Memberships map a collection id to the role held there. `system` is the shell
 * (CLIs run by whoever operates the server) and acts as an admin.
 */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'system'; name: string }
  | {
      kind: 'user';
      id: string;
      email: string;
      name: string;
      isSiteAdmin: boolean;
      /** The account's session version when the actor was loaded (carried by collaboration tokens). */
      sessionVersion: number;
      /** The interface language the account chose (lib/i18n), null when it follows the browser. */
      interfaceLanguage?: string | null;
      memberships: ReadonlyMap<string, CollectionRoleName>;
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** The actor of command-line tools. */
export const SYSTEM_ACTOR: Actor = { kind: 'system', name: 'command line' };

/** What an action is about: the collection decides editor/admin roles. */
export interface PermissionResource {
  collectionId?: string;
}

/**
 * action → roles allowed. `scope: 'collection'` means editor/admin are looked up in the
 * resource's collection (a missing collection id then grants only site-wide roles).
 */
export const PERMISSIONS = {
  /** Browse the library, read works in any mode, follow permalinks. */
  'work.read': { allow: ['anonymous', 'volunteer', 'editor', 'admin'], scope: 'site' },
  /** Download a work as JSONL. */
  'work.export': { allow: ['anonymous', 'volunteer', 'editor', 'admin'], scope: 'site' },
  /** See one's own account page. */
  'account.view': { allow: ['volunteer', 'editor', 'admin'], scope: 'site' },
  /** Change one's own password (the current one is asked for). */
  'account.update': { allow: ['volunteer', 'editor', 'admin'], scope: 'site' },
  /** Disable another account (its sessions end at once) or enable it again. */
  'account.disable': { allow: ['admin'], scope: 'site' },
  /** Import a text as a new work in a collection. */
  'work.import': { allow: ['editor', 'admin'], scope: 'collection' },
  /** Edit segment texts as drafts (correction or translation). */
  'segment.edit': { allow: ['volunteer', 'editor', 'admin'], scope: 'collection' },
  /** Publish a text directly (becomes a revision with the editor's name). */
  'segment.publish': { allow: ['editor', 'admin'], scope: 'collection' },
  /** Turn one's drafts into suggestions for review, withdraw one's own suggestions. */
  'suggestion.create': { allow: ['volunteer', 'editor', 'admin'], scope: 'collection' },
  /** See the review queue; approve, validate or reject suggestions (never one's own, see lib/review). */
  'suggestion.review': { allow: ['editor', 'admin'], scope: 'collection' },
  /** Publish an earlier revision of a text again (as a new revision). */
  'revision.revert': { allow: ['editor', 'admin'], scope: 'collection' },
  /** Confirm that a translation is still valid after its source was corrected. */
  'translation.confirm': { allow: ['editor', 'admin'], scope: 'collection' },
  /** Start or reply to a discussion on a segment; edit or delete one's own comments. */
  'comment.create': { allow: ['volunteer', 'editor', 'admin'], scope: 'collection' },
  /** Resolve or reopen any discussion, delete anyone's comment (authors may resolve their own threads, see lib/discussion). */
  'comment.moderate': { allow: ['editor', 'admin'], scope: 'collection' },
  /** Report an error in a segment from the reader (rate-limited, see lib/report). */
  'report.create': { allow: ['anonymous', 'volunteer', 'editor', 'admin'], scope: 'site' },
  /** See readers' reports in the review queue; resolve or dismiss them. */
  'report.handle': { allow: ['editor', 'admin'], scope: 'collection' },
  /** Read and mark one's own notifications. */
  'notification.read': { allow: ['volunteer', 'editor', 'admin'], scope: 'site' },
  /** See a work's progress per language and per contributor. */
  'progress.view': { allow: ['anonymous', 'volunteer', 'editor', 'admin'], scope: 'site' },
  /** Fix the alignment of a translation by hand, re-run the aligner on a range, undo such fixes. */
  'alignment.edit': { allow: ['editor', 'admin'], scope: 'collection' },
  /** Download the original uploaded file of a work. */
  'upload.download': { allow: ['editor', 'admin'], scope: 'collection' },
  /** Import a translation memory file (TMX) into a collection; importing a file of the same name again replaces its units. */
  'memory.import': { allow: ['editor', 'admin'], scope: 'collection' },
  /**
   * Download a collection's translation memory as TMX: its works' published translation pairs and
   * the memories imported into it (third-party files the collection may use, not necessarily
   * hand on, hence editors and admins only).
   */
  'memory.export': { allow: ['editor', 'admin'], scope: 'collection' },
  /**
   * See imported memories' units in the concordance (the editor's memory matches show them to
   * those who may edit): accounts only, so that a third party's memory is not open to crawlers a
   * page of pairs at a time. Anonymous readers see the library's own pairs.
   */
  'memory.readImported': { allow: ['volunteer', 'editor', 'admin'], scope: 'site' },
  /** Read a collection's glossary (its approved terms), see its terms highlighted in the editor, download it as TBX or CSV. */
  'glossary.read': { allow: ['anonymous', 'volunteer', 'editor', 'admin'], scope: 'site' },
  /** Propose a term, or a translation of a term, for a collection's glossary (an editor approves or turns it down). */
  'glossary.propose': { allow: ['volunteer', 'editor', 'admin'], scope: 'collection' },
  /** Add, change and delete a collection's glossary terms directly, decide on proposals, import TBX and CSV files. */
  'glossary.manage': { allow: ['editor', 'admin'], scope: 'collection' },
  /**
   * Dismiss a finding of the quality checks on a translation (with a reason; it stays dismissed
   * while the finding stays the same) or restore one dismissed (docs/quality-checks.md).
   */
  'check.dismiss': { allow: ['editor', 'admin'], scope: 'collection' },
  /** Switch a collection's quality checks on or off, and make some blocking for submissions. */
  'check.configure': { allow: ['editor', 'admin'], scope: 'collection' },
  /** Read a collection's name index: its confirmed persons and places, their forms and where the texts mention them. */
  'names.read': { allow: ['anonymous', 'volunteer', 'editor', 'admin'], scope: 'site' },
  /** Propose a name for a collection's index (it waits for an editor, as `PROPOSED`). */
  'names.propose': { allow: ['volunteer', 'editor', 'admin'], scope: 'collection' },
  /**
   * Manage a collection's name index: add names, confirm, edit (kinds, notes, preferred forms and
   * variants), merge or reject them and their proposals, and propose names from a work.
   */
  'names.manage': { allow: ['editor', 'admin'], scope: 'collection' },
  /** Create a collection. */
  'collection.create': { allow: ['admin'], scope: 'site' },
  /** Grant or revoke editor/admin roles in a collection. */
  'collection.manageMembers': { allow: ['admin'], scope: 'collection' },
  /** Set a collection's review rules: one reviewer or two, and whether its admins may approve their own suggestions. */
  'collection.configure': { allow: ['admin'], scope: 'collection' },
  /** Read the audit log (role changes, approvals, reverts, deletions) of a collection; site admins see all. */
  'audit.view': { allow: ['admin'], scope: 'collection' },
} as const satisfies Record<string, { allow: readonly Role[]; scope: 'site' | 'collection' }>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** The role `actor` holds for `resource`: site admins are admins everywhere. Deny by default. */
export function roleFor(actor: Actor, resource: PermissionResource = {}, scope: 'site' | 'collection' = 'collection'): Role {
  if (actor.kind === 'system') return 'admin';
  if (actor.kind !== 'user') return 'anonymous';
  if (actor.isSiteAdmin) return 'admin';
  if (scope === 'collection' && resource.collectionId) {
    const membership = actor.memberships.get(resource.collectionId);
    if (membership === 'ADMIN') return 'admin';
    if (membership === 'EDITOR') return 'editor';
  }
  return 'volunteer';
}

/** The account behind an actor, recorded as author of what it writes; null for anonymous and the command line. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.id : null;
}

/** Whether `actor` may perform `action` on `resource`. Unknown actions are denied. */
export function can(actor: Actor, action: Action, resource: PermissionResource = {}): boolean {
  const rule = PERMISSIONS[action] as { allow: readonly Role[]; scope: 'site' | 'collection' } | undefined;
  if (!rule) return false;
  return rule.allow.includes(roleFor(actor, resource, rule.scope));
}

/** Throws UNAUTHENTICATED for anonymous actors and FORBIDDEN for signed-in ones when `can` says no. */
export function assertCan(actor: Actor, action: Action, resource: PermissionResource = {}): void {
  if (can(actor, action, resource)) return;
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'auth.signIn');
  throw new AppError('FORBIDDEN', 'auth.forbidden');
}

/**
 * Whether `actor` may perform `action` on at least one resource: the up-front check of route and
 * action wrappers, before the use case checks the precise resource with {@link assertCan}.
 */
export function canSomewhere(actor: Actor, action: Action): boolean {
  if (can(actor, action)) return true;
  if (actor.kind !== 'user') return false;
  for (const collectionId of actor.memberships.keys()) {
    if (can(actor, action, { collectionId })) return true;
  }
  return false;
}

/** {@link canSomewhere} as an assertion with the same error codes as {@link assertCan}. */
export function assertCanSomewhere(actor: Actor, action: Action): void {
  if (canSomewhere(actor, action)) return;
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'auth.signIn');
  throw new AppError('FORBIDDEN', 'auth.forbidden');
}

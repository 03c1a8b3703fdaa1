/**
 * Every audit event type, defined once: what it is about (the site, a collection or a work: which
 * of the row's `collection_id` and `work_id` it fills) and the zod schema of its `data`. Writers go
 * through `recordAuditEvent`, whose options are checked against this table at compile time;
 * readers parse stored rows with `parseAuditEvent` / `safeParseAuditEvent`.
 *
 * The type strings are stored: renaming one needs a migration of the existing rows. Each schema
 * describes what is written now; a field added later carries a default or a preprocess step so
 * that rows written before it keep parsing. Pure: the admin filter form lists the types too.
 */
import { z } from 'zod';

/** What an event is about: nothing in particular (accounts, the site), a collection, or a work in one. */
export type AuditScope = 'site' | 'collection' | 'work';

function defineEvent<S extends AuditScope, D extends z.ZodType<Record<string, unknown>>>(scope: S, data: D): { scope: S; data: D } {
  return { scope, data };
}

const id = z.uuid();
const language = z.string().min(1);
const collectionRole = z.enum(['EDITOR', 'ADMIN']);
const invitationRole = z.enum(['VOLUNTEER', 'EDITOR', 'ADMIN']);
const siteRole = z.enum(['USER', 'ADMIN']);
const rejectReason = z.enum(['NOT_IN_ORIGINAL', 'TERMINOLOGY', 'MEANING', 'STYLE', 'OTHER']);

/** An event about one account. */
const accountData = z.object({ userId: id });

/** What each cleanup rule did during an import, by count. */
const cleanupCounts = z.array(z.object({ ruleId: z.string(), count: z.number().int().nonnegative() }));

/** Figures of an import or re-import by name ("sentence": 1200, "retired": 3): their set grew over time. */
const figures = z.record(z.string(), z.number());

/** A glossary term: its id, text and language pair. */
const glossaryTermData = z.object({ termId: id, term: z.string(), sourceLanguage: language, targetLanguage: language });

/** A glossary proposal: a term, or a translation (`translation`) of one. */
const glossaryProposalData = glossaryTermData.extend({ kind: z.enum(['term', 'translation']), id, translation: z.string().optional() });

/** One row an alignment change rewrote: enough to put it back as it was. */
const alignmentRowChange = z.object({
  segmentId: id,
  before: z.object({ revisionId: id.nullable(), continuesPrevious: z.boolean(), alignScore: z.number().nullable() }),
  after: z.object({ revisionId: id.nullable(), continuesPrevious: z.boolean() }),
});
export type AlignmentRowChange = z.output<typeof alignmentRowChange>;

/** What undo of an alignment change replays backwards: the language and every row it rewrote, in order (none for a re-alignment that only rescored rows). */
const alignmentChanges = { language, changes: z.array(alignmentRowChange) };

const suggestionWritten = z.object({ suggestionId: id, segmentId: id, language, revisionId: id.nullable() });
/** `duplicates`: how many reports merged into it (the same text reported again) were closed with it; absent when none. */
const reportDecided = z.object({ reportId: id, segmentId: id, language, note: z.string(), duplicates: z.number().int().positive().optional() });
const threadData = z.object({ segmentId: id, threadId: id });
/** The structural operations (lib/structure/structural-operation.ts), by name. */
const structuralOperationType = z.enum(['splitSegment', 'mergeSegments', 'makeHeading', 'makeSentence', 'makeFootnote', 'splitParagraph', 'joinParagraphs']);

/** Every event type with its scope and data schema. */
export const AUDIT_EVENTS = {
  /**
   * A collection role given or changed (`previousRole` null: the person had none); `implicit`
   * when creating the collection made its creator its admin.
   */
  'role.granted': defineEvent('collection', z.object({ userId: id, role: collectionRole, previousRole: collectionRole.nullable() })),
  'role.revoked': defineEvent('collection', accountData),
  /** An invitation link made for a collection: the role it gives, when it stops working, how many may use it (null: no limit). */
  'invitation.created': defineEvent('collection', z.object({ invitationId: id, role: invitationRole, expiresAt: z.iso.datetime(), maxUses: z.number().int().positive().nullable() })),
  'invitation.revoked': defineEvent('collection', z.object({ invitationId: id, role: invitationRole })),
  /**
   * An account joined a collection with an invitation link: the role it holds there now (`role`,
   * null for a volunteer link, which adds no membership) and the one it had before.
   */
  'invitation.accepted': defineEvent('collection', z.object({ invitationId: id, userId: id, invitedAs: invitationRole, role: collectionRole.nullable(), previousRole: collectionRole.nullable() })),
  /** A collection's review rules saved: one or two reviewers, and whether its admins may approve their own suggestions. */
  'collection.review_rules_changed': defineEvent('collection', z.object({ reviewPolicy: z.enum(['SINGLE', 'DOUBLE']), allowSelfApproval: z.boolean() })),
  /** `implicit` when an import by a site admin created it on the way. */
  'collection.created': defineEvent('collection', z.object({ title: z.string() })),

  /** The first accounts recorded only whether they were the first (who became the administrator). */
  'user.registered': defineEvent(
    'site',
    z.preprocess((value) => (isRecord(value) && !('siteRole' in value) && typeof value.isFirstUser === 'boolean' ? { siteRole: value.isFirstUser ? 'ADMIN' : 'USER' } : value), z.object({ siteRole })),
  ),
  'user.password_changed': defineEvent('site', accountData),
  'user.disabled': defineEvent('site', accountData),
  'user.enabled': defineEvent('site', accountData),
  /** `isNewAccount`: the set-up link created the account rather than promoting a signed-in one. */
  'site.administrator_set_up': defineEvent('site', z.object({ userId: id, isNewAccount: z.boolean() })),

  /** A work imported from an upload; the first of its events names the upload a re-import reads again. */
  'work.imported': defineEvent(
    'work',
    z.object({
      uploadId: id,
      counts: figures,
      format: z.string(),
      /** Absent in events written before encodings were detected. */
      encoding: z.string().optional(),
      /** The rules that ran; none were recorded before cleanup reported its work. */
      cleanup: cleanupCounts.default([]),
    }),
  ),
  /** A work's text imported again from its upload with other cleanup choices. */
  'work.reimported': defineEvent(
    'work',
    z.object({
      uploadId: id,
      /** The cleanup choice the re-import ran with (what the next re-import form starts from). */
      rules: z.object({ isEnabled: z.boolean().optional(), rules: z.record(z.string(), z.boolean()).optional() }),
      counts: figures,
    }),
  ),
  /** A volume split into works; recorded on its first work, which keeps the upload. */
  'volume.imported': defineEvent(
    'work',
    // `splitBy`: by the table of contents, or into the pieces of an anthology (absent before anthologies were split).
    z.object({ uploadId: id, volumeId: id.optional(), workIds: z.array(id).min(1), encoding: z.string(), cleanup: cleanupCounts, splitBy: z.enum(['contents', 'anthology']).optional() }),
  ),
  /** A translation added row by row in segment order. */
  'translation.imported': defineEvent('work', z.object({ language, count: z.number().int().nonnegative() })),
  /** A translation added by the aligner. */
  'translation.aligned': defineEvent(
    'work',
    z.object({ workId: id, language, targetSentences: z.number().int(), beadTypes: z.record(z.string(), z.number().int()), lowConfidence: z.number().int(), meanScore: z.number() }),
  ),
  /** A translation confirmed as still matching its changed source. */
  'translation.confirmed': defineEvent('work', z.object({ segmentId: id, language, sourceRevisionId: id.nullable() })),

  /** A hand correction of an alignment (undo replays `changes`); `offset`: where a `splitAt` divided the row's text. */
  'alignment.edited': defineEvent(
    'work',
    z.object({ operation: z.enum(['merge', 'split', 'shiftUp', 'shiftDown', 'unlink', 'splitAt']), offset: z.number().int().positive().optional(), segmentId: id, ...alignmentChanges }),
  ),
  /** A range aligned again by the aligner (undo replays `changes`). */
  'alignment.realigned': defineEvent('work', z.object({ fromSegmentId: id, toSegmentId: id, ...alignmentChanges })),
  /** `editId`: the event of the change undone. */
  'alignment.undone': defineEvent('work', z.object({ editId: id, language })),

  'suggestion.created': defineEvent('work', suggestionWritten),
  /** An editor's change published without review (collections with one reviewer). */
  'suggestion.published_directly': defineEvent('work', suggestionWritten),
  /**
   * A translation copied, as suggestions awaiting review, to repetitions of its source sentence
   * in this work (`repetitionOf`: the segment translated, in this work or another of its volume).
   */
  'suggestion.repetitions_filled': defineEvent('work', z.object({ repetitionOf: id, language, suggestionIds: z.array(id).min(1) })),
  /**
   * A first approval: published at once (`revisionId`), or waiting for a second reviewer
   * (`awaitingValidation`). `hunkRejections` counts the parts turned down.
   */
  'suggestion.approved': defineEvent(
    'work',
    z.union([
      z.object({ segmentId: id, suggestionId: id, revisionId: id.nullable(), hunkRejections: z.number().int().nonnegative() }),
      z.object({ segmentId: id, suggestionId: id, awaitingValidation: z.literal(true), hunkRejections: z.number().int().nonnegative() }),
    ]),
  ),
  /** A second reviewer's approval, which published it. */
  'suggestion.validated': defineEvent('work', z.object({ segmentId: id, suggestionId: id, revisionId: id.nullable(), hunkRejections: z.number().int().nonnegative() })),
  'suggestion.rejected': defineEvent('work', z.object({ segmentId: id, suggestionId: id, reason: rejectReason })),
  /** A structural edit of the source proposed for review (a STRUCTURE suggestion filed under `segmentId`, its first segment). */
  'structure.proposed': defineEvent('work', z.object({ suggestionId: id, segmentId: id, operation: structuralOperationType })),
  /**
   * A structural edit applied on approval, in every language at once: the segments it created and
   * retired (each retired one replaced by a live one) and the revisions it wrote.
   */
  'structure.applied': defineEvent(
    'work',
    z.object({ suggestionId: id, segmentId: id, operation: structuralOperationType, created: z.array(id), retired: z.array(id), revisionIds: z.array(id) }),
  ),
  /** A text put back to an earlier revision (`to`) as a new one (`revisionId`). */
  'revision.reverted': defineEvent('work', z.object({ segmentId: id, language, to: id, revisionId: id.nullable() })),

  'report.resolved': defineEvent('work', reportDecided),
  'report.dismissed': defineEvent('work', reportDecided),

  /**
   * A translation memory file (TMX) imported into a collection: its name, the language pair read,
   * the units written, those of an earlier import of the same file replaced, and those skipped by reason.
   */
  'memory.imported': defineEvent(
    'collection',
    z.object({ file: z.string(), sourceLanguage: language, targetLanguage: language, imported: z.number().int().nonnegative(), replaced: z.number().int().nonnegative(), skipped: figures }),
  ),

  /** A term an editor wrote into a collection's glossary directly, changed, or deleted. */
  'glossary.term_created': defineEvent('collection', glossaryTermData),
  'glossary.term_updated': defineEvent('collection', glossaryTermData),
  'glossary.term_deleted': defineEvent('collection', glossaryTermData),
  /** A volunteer's proposal for the glossary (a new term, or a translation of an approved one): `id` is the term's or the translation's. */
  'glossary.proposed': defineEvent('collection', glossaryProposalData),
  /** An editor's decision on a proposal; a rejection's reason, which its author reads. */
  'glossary.proposal_approved': defineEvent('collection', glossaryProposalData),
  'glossary.proposal_rejected': defineEvent('collection', glossaryProposalData.extend({ reason: z.string() })),
  /** A TBX or CSV file imported into a collection's glossary: terms created, updated, unchanged, and skipped by reason. */
  'glossary.imported': defineEvent(
    'collection',
    z.object({ file: z.string(), format: z.enum(['tbx', 'csv']), sourceLanguage: language, targetLanguage: language, created: z.number().int().nonnegative(), updated: z.number().int().nonnegative(), unchanged: z.number().int().nonnegative(), skipped: figures }),
  ),
  /** A collection's quality checks switched on or off or made blocking: each check changed, as it is now. */
  'check.settings_changed': defineEvent('collection', z.object({ changes: z.array(z.object({ check: z.string(), isEnabled: z.boolean(), isBlocking: z.boolean() })) })),
  /** A finding of a quality check dismissed on a translation, with the editor's reason; and restored. */
  'check.dismissed': defineEvent('work', z.object({ segmentId: id, language, check: z.string(), key: z.string(), reason: z.string() })),
  'check.restored': defineEvent('work', z.object({ segmentId: id, language, check: z.string(), key: z.string() })),
  /**
   * The name authority (docs/names.md): a name added by an editor or proposed by a volunteer
   * (`status`), with the form it is known by; a name changed (`changes`: which of its kind, note
   * and forms); confirmed; rejected (kept, so it is not proposed again); merged into another
   * (`intoId`, which took its forms); and the names the seeding proposed from a work.
   */
  'name.created': defineEvent('collection', z.object({ nameId: id, kind: z.enum(['PERSON', 'PLACE']), status: z.enum(['PROPOSED', 'CONFIRMED']), label: z.string() })),
  'name.updated': defineEvent('collection', z.object({ nameId: id, changes: z.array(z.enum(['kind', 'note', 'forms'])) })),
  'name.confirmed': defineEvent('collection', z.object({ nameId: id })),
  'name.rejected': defineEvent('collection', z.object({ nameId: id })),
  'name.merged': defineEvent('collection', z.object({ nameId: id, intoId: id })),
  'names.proposed': defineEvent('work', z.object({ proposed: z.number().int().nonnegative(), known: z.number().int().nonnegative() })),

  /** `isOwn`: the author deleted it, rather than a moderator. */
  'comment.deleted': defineEvent('work', z.object({ segmentId: id, commentId: id, threadId: id, authorId: id.nullable(), isOwn: z.boolean() })),
  'comment.resolved': defineEvent('work', threadData),
  'comment.reopened': defineEvent('work', threadData),
} as const;

export type AuditEventType = keyof typeof AUDIT_EVENTS;

/** Event types in the order of the table, for the log's filter. */
export const AUDIT_EVENT_TYPES = Object.keys(AUDIT_EVENTS) as AuditEventType[];

/** The data of one event type, as written and as read back. */
export type AuditEventData<T extends AuditEventType> = z.output<(typeof AUDIT_EVENTS)[T]['data']>;

/** A typed event: its type and data, discriminated by type. */
export type AuditEvent<T extends AuditEventType = AuditEventType> = { [K in T]: { type: K; data: AuditEventData<K> } }[T];

/** The row's subject columns an event of each scope fills (and may not fill). */
type SubjectOf<S extends AuditScope> = S extends 'site'
  ? { collectionId?: never; workId?: never }
  : S extends 'collection'
    ? { collectionId: string; workId?: never }
    : { collectionId: string; workId: string };

/** An event to record: type, data of that type, and the collection and work its scope needs. */
export type AuditEventInput = { [K in AuditEventType]: { type: K; data: AuditEventData<K> } & SubjectOf<(typeof AUDIT_EVENTS)[K]['scope']> }[AuditEventType];

/** The account ids an event's data names (whose names the log shows instead). */
export function accountIdsIn(event: AuditEvent): string[] {
  return 'userId' in event.data ? [event.data.userId] : [];
}

export function isAuditEventType(type: string): type is AuditEventType {
  return Object.hasOwn(AUDIT_EVENTS, type);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

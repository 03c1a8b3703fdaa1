import { describe, expect, it } from 'vitest';

import { AUDIT_EVENT_TYPES } from '../../../lib/audit/events';
import { parseAuditEvent, safeParseAuditEvent } from '../../../lib/audit/parse-audit-event';
import { AppError } from '../../../lib/errors/app-error';

const ID = '0191c2e4-5b6a-7c8d-9e0f-112233445566';
const OTHER = '0191c2e4-0000-7000-8000-000000000000';

describe('audit event types', () => {
  it('keeps every type string already stored', () => {
    // Stored rows carry these strings: renaming one needs a migration of the rows.
    expect(AUDIT_EVENT_TYPES).toEqual(
      expect.arrayContaining([
        'role.granted', 'role.revoked', 'collection.created', 'user.registered', 'user.password_changed', 'user.disabled', 'user.enabled', 'site.administrator_set_up',
        'work.imported', 'work.reimported', 'volume.imported', 'translation.imported', 'translation.aligned', 'translation.confirmed',
        'alignment.edited', 'alignment.realigned', 'alignment.undone', 'suggestion.created', 'suggestion.published_directly', 'suggestion.approved',
        'suggestion.validated', 'suggestion.rejected', 'revision.reverted', 'report.resolved', 'report.dismissed', 'comment.deleted', 'comment.resolved', 'comment.reopened',
        'structure.proposed', 'structure.applied', 'memory.imported', 'suggestion.repetitions_filled',
        'glossary.term_created', 'glossary.term_updated', 'glossary.term_deleted', 'glossary.proposed', 'glossary.proposal_approved', 'glossary.proposal_rejected', 'glossary.imported',
        'check.settings_changed', 'check.dismissed', 'check.restored',
        'name.created', 'name.updated', 'name.confirmed', 'name.rejected', 'name.merged', 'names.proposed',
        'invitation.created', 'invitation.revoked', 'invitation.accepted', 'collection.review_rules_changed',
      ]),
    );
    expect(AUDIT_EVENT_TYPES).toHaveLength(52);
  });

  it('reads events of each shape their writers give', () => {
    const alignmentChange = { segmentId: ID, before: { revisionId: OTHER, continuesPrevious: false, alignScore: 0.4 }, after: { revisionId: null, continuesPrevious: true } };
    const rows = [
      { type: 'role.granted', data: { userId: ID, role: 'ADMIN', previousRole: 'EDITOR' } },
      { type: 'work.imported', data: { uploadId: ID, counts: { heading: 1, sentence: 4 }, format: 'md', encoding: 'UTF-8', cleanup: [{ ruleId: 'page-numbers', count: 2 }] } },
      { type: 'work.reimported', data: { uploadId: ID, rules: { isEnabled: true, rules: { lists: false } }, counts: { changed: 3, retired: 1 } } },
      { type: 'alignment.edited', data: { operation: 'shiftDown', segmentId: ID, language: 'fr', changes: [alignmentChange] } },
      { type: 'alignment.realigned', data: { fromSegmentId: ID, toSegmentId: OTHER, language: 'fr', changes: [] } },
      { type: 'suggestion.approved', data: { segmentId: ID, suggestionId: OTHER, awaitingValidation: true, hunkRejections: 0 } },
      { type: 'suggestion.approved', data: { segmentId: ID, suggestionId: OTHER, revisionId: ID, hunkRejections: 2 } },
      { type: 'comment.deleted', data: { segmentId: ID, commentId: OTHER, threadId: OTHER, authorId: null, isOwn: false } },
      { type: 'structure.proposed', data: { suggestionId: ID, segmentId: OTHER, operation: 'splitSegment' } },
      { type: 'suggestion.repetitions_filled', data: { repetitionOf: ID, language: 'ru', suggestionIds: [OTHER] } },
      { type: 'structure.applied', data: { suggestionId: ID, segmentId: OTHER, operation: 'mergeSegments', created: [], retired: [OTHER], revisionIds: [ID] } },
    ];
    for (const row of rows) expect(safeParseAuditEvent({ id: ID, ...row }), row.type).toMatchObject({ isReadable: true, event: { type: row.type } });
  });

  it('refuses malformed data, naming the field at fault', () => {
    const refused = [
      { type: 'role.granted', data: { userId: ID, role: 'OWNER', previousRole: null }, field: 'role' },
      { type: 'role.revoked', data: { userId: 'nobody' }, field: 'userId' },
      { type: 'alignment.edited', data: { operation: 'shiftDown', segmentId: ID, language: 'fr', changes: [{ segmentId: ID, after: { revisionId: null, continuesPrevious: false } }] }, field: 'before' },
      { type: 'alignment.undone', data: { language: 'fr' }, field: 'editId' },
      { type: 'suggestion.approved', data: { segmentId: ID, suggestionId: OTHER, hunkRejections: 0 }, field: '' },
      { type: 'volume.imported', data: { uploadId: ID, workIds: [], encoding: 'UTF-8', cleanup: [] }, field: 'workIds' },
      { type: 'translation.imported', data: null, field: '' },
      { type: 'translation.imported', data: [ID], field: '' },
    ];
    for (const { type, data, field } of refused) {
      const reading = safeParseAuditEvent({ id: ID, type, data });
      expect(reading.isReadable, type).toBe(false);
      if (!reading.isReadable) expect(reading.problem).toContain(field);
    }
    expect(safeParseAuditEvent({ id: ID, type: 'work.archived', data: {} })).toEqual({ isReadable: false, problem: 'unknown event type “work.archived”' });
    expect(safeParseAuditEvent({ id: ID, type: 'constructor', data: {} }).isReadable).toBe(false);
  });

  it('still reads the shapes earlier versions wrote', () => {
    expect(safeParseAuditEvent({ id: ID, type: 'user.registered', data: { isFirstUser: true } })).toEqual({ isReadable: true, event: { type: 'user.registered', data: { siteRole: 'ADMIN' } } });
    expect(safeParseAuditEvent({ id: ID, type: 'user.registered', data: { isFirstUser: false } })).toEqual({ isReadable: true, event: { type: 'user.registered', data: { siteRole: 'USER' } } });
    expect(safeParseAuditEvent({ id: ID, type: 'work.imported', data: { uploadId: ID, counts: { sentence: 2 }, format: 'txt' } })).toEqual({
      isReadable: true,
      event: { type: 'work.imported', data: { uploadId: ID, counts: { sentence: 2 }, format: 'txt', cleanup: [] } },
    });
  });

  it('gives a clear error for an event that must be read and cannot', () => {
    const damaged = { id: ID, type: 'alignment.edited', data: { language: 'fr', changes: 'all of them' } };
    expect(() => parseAuditEvent(damaged, ['alignment.edited'])).toThrow(AppError);
    expect(() => parseAuditEvent(damaged, ['alignment.edited'])).toThrow(/record of this change is damaged/);
    const undone = { id: ID, type: 'alignment.undone', data: { editId: OTHER, language: 'fr' } };
    expect(() => parseAuditEvent(undone, ['alignment.edited', 'alignment.realigned'])).toThrow(/damaged/);
    expect(parseAuditEvent(undone, ['alignment.undone']).data).toEqual({ editId: OTHER, language: 'fr' });
  });

});

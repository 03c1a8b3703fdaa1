import { describe, expect, it } from 'vitest';

import { safeParseNotification } from '../../../lib/notify/notification-data';

const ID = '0191c2e4-5b6a-7c8d-9e0f-112233445566';
const comment = { commentId: ID, threadId: ID, segmentId: ID, workId: ID, workTitle: 'Poems', language: null, actor: { id: ID, name: 'Ada' }, excerpt: 'Why?' };
const outcome = { suggestionId: ID, segmentId: ID, workId: ID, workTitle: 'Poems', language: 'fr', actor: null, status: 'REJECTED', excerpt: 'Le port', reason: 'STYLE', note: '' };

describe('notification data', () => {
  it('reads each type with the data its writers give', () => {
    expect(safeParseNotification({ type: 'comment.mention', data: comment })).toEqual({ isReadable: true, notification: { type: 'comment.mention', data: comment } });
    expect(safeParseNotification({ type: 'suggestion.rejected', data: outcome })).toEqual({ isReadable: true, notification: { type: 'suggestion.rejected', data: outcome } });
  });

  it('refuses data of another shape, naming the field at fault, and unknown types', () => {
    const refused = [
      { type: 'comment.reply', data: { ...comment, segmentId: undefined }, field: 'segmentId' },
      { type: 'comment.reply', data: outcome, field: 'commentId' },
      { type: 'suggestion.approved', data: { ...outcome, status: 'MAYBE' }, field: 'status' },
      { type: 'suggestion.validated', data: { ...outcome, actor: { id: 'someone' } }, field: 'actor.id' },
      { type: 'suggestion.validated', data: 'approved', field: 'data' },
    ];
    for (const { type, data, field } of refused) {
      const reading = safeParseNotification({ type, data });
      expect(reading.isReadable, `${type} ${field}`).toBe(false);
      if (!reading.isReadable) expect(reading.problem).toContain(field);
    }
    expect(safeParseNotification({ type: 'comment.liked', data: comment })).toEqual({ isReadable: false, problem: 'unknown notification type “comment.liked”' });
  });
});

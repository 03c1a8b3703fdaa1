import { describe, expect, it } from 'vitest';

import { describeAuditEvent } from '../../../components/admin/describe-audit-event';
import { accountIdsIn } from '../../../lib/audit/events';
import { summaryFormat } from '../../helpers/audit-summary';

const ADA = '0191c2e4-5b6a-7c8d-9e0f-112233445566';
const OTHER = '0191c2e4-0000-7000-8000-000000000000';
const names = { [ADA]: 'Ada' };
const english = summaryFormat('en');

describe('describeAuditEvent', () => {
  it('puts role changes in words, with the account’s name', () => {
    expect(describeAuditEvent({ event: { type: 'role.granted', data: { userId: ADA, role: 'ADMIN', previousRole: 'EDITOR' } }, names, ...english })).toBe('Ada made admin (was editor)');
    expect(describeAuditEvent({ event: { type: 'role.granted', data: { userId: ADA, role: 'EDITOR', previousRole: null } }, names, ...english })).toBe('Ada made editor');
    expect(describeAuditEvent({ event: { type: 'role.revoked', data: { userId: OTHER } }, names, ...english })).toBe('0191c2e4… no longer editor or admin');
  });

  it('lists other events’ fields with short ids, cut values, counted lists and one level of nesting', () => {
    const summary = describeAuditEvent({
      event: { type: 'work.imported', data: { uploadId: ADA, counts: { heading: 2, sentence: 1200 }, format: 'md', encoding: 'UTF-8', cleanup: [{ ruleId: 'page-numbers', count: 3 }, { ruleId: 'lists', count: 1 }] } },
      names,
      ...english,
    });
    expect(summary).toBe('upload: 0191c2e4… · counts: heading 2, sentence 1,200 · format: md · encoding: UTF-8 · cleanup: 2 items');
    expect(describeAuditEvent({ event: { type: 'comment.deleted', data: { segmentId: ADA, commentId: OTHER, threadId: OTHER, authorId: null, isOwn: true } }, names, ...english })).toBe(
      'segment: 0191c2e4… · comment: 0191c2e4… · thread: 0191c2e4… · is own',
    );
    expect(describeAuditEvent({ event: { type: 'suggestion.rejected', data: { segmentId: ADA, suggestionId: ADA, reason: 'STYLE' } }, names, ...english })).toBe('segment: 0191c2e4… · suggestion: 0191c2e4… · reason: STYLE');
    expect(describeAuditEvent({ event: { type: 'report.resolved', data: { reportId: ADA, segmentId: ADA, language: 'fr', note: 'x'.repeat(80) } }, names, ...english })).toBe(
      `report: 0191c2e4… · segment: 0191c2e4… · language: fr · note: “${'x'.repeat(57)}…”`,
    );
    expect(describeAuditEvent({ event: { type: 'report.dismissed', data: { reportId: ADA, segmentId: ADA, language: 'fr', note: '' } }, names, ...english })).toBe('report: 0191c2e4… · segment: 0191c2e4… · language: fr');
  });

  it('says so for an event that could not be read', () => {
    expect(describeAuditEvent({ event: null, names, ...english })).toBe('The data of this event could not be read.');
  });

  it('writes the line in the interface’s language', () => {
    const russian = summaryFormat('ru');
    expect(describeAuditEvent({ event: { type: 'role.granted', data: { userId: ADA, role: 'ADMIN', previousRole: 'EDITOR' } }, names, ...russian })).toBe('Ada: теперь администратор (прежде — редактор)');
    expect(describeAuditEvent({ event: { type: 'role.revoked', data: { userId: ADA } }, names, ...russian })).toBe('Ada: больше не редактор и не администратор');
    expect(
      describeAuditEvent({
        event: { type: 'work.imported', data: { uploadId: ADA, counts: { sentence: 1200 }, format: 'md', encoding: 'UTF-8', cleanup: [{ ruleId: 'a', count: 1 }, { ruleId: 'b', count: 1 }, { ruleId: 'c', count: 1 }, { ruleId: 'd', count: 1 }, { ruleId: 'e', count: 1 }] } },
        names,
        ...russian,
      }),
    ).toBe('загрузка: 0191c2e4… · количество: sentence 1\u00a0200 · формат: md · кодировка: UTF-8 · очистка: 5 элементов');
    expect(describeAuditEvent({ event: { type: 'check.dismissed', data: { segmentId: ADA, language: 'ru', check: 'numbers', key: '1917', reason: 'Not a term here' } }, names, ...russian })).toMatch(/ · причина: «Not a term here»$/);
    expect(describeAuditEvent({ event: null, names, ...russian })).toBe('Данные этого события не удалось прочитать.');
  });

  it('finds the account an event is about', () => {
    expect(accountIdsIn({ type: 'user.disabled', data: { userId: ADA } })).toEqual([ADA]);
    expect(accountIdsIn({ type: 'role.granted', data: { userId: ADA, role: 'EDITOR', previousRole: null } })).toEqual([ADA]);
    expect(accountIdsIn({ type: 'collection.created', data: { title: 'Poems' } })).toEqual([]);
  });
});

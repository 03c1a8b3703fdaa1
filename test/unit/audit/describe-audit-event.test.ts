import { describe, expect, it } from 'vitest';

import { accountIdsIn, describeAuditEvent } from '../../../lib/audit/describe-audit-event';

const ADA = '0191c2e4-5b6a-7c8d-9e0f-112233445566';
const names = new Map([[ADA, 'Ada']]);

describe('describeAuditEvent', () => {
  it('puts role changes in words, with the account’s name', () => {
    expect(describeAuditEvent({ type: 'role.granted', data: { userId: ADA, role: 'ADMIN', previousRole: 'EDITOR' }, names })).toBe('Ada made admin (was editor)');
    expect(describeAuditEvent({ type: 'role.granted', data: { userId: ADA, role: 'EDITOR', previousRole: null }, names })).toBe('Ada made editor');
    expect(describeAuditEvent({ type: 'role.revoked', data: { userId: '0191c2e4-0000-7000-8000-000000000000' }, names })).toBe('0191c2e4… no longer editor or admin');
  });

  it('lists other events’ fields with short ids, cut values, counted lists and one level of nesting', () => {
    const summary = describeAuditEvent({
      type: 'work.imported',
      data: { uploadId: ADA, counts: { headings: 2, sentences: 1200 }, format: 'md', cleanup: [{ ruleId: 'a' }, { ruleId: 'b' }], skipped: false, isDirect: true, note: 'x'.repeat(80) },
      names,
    });
    expect(summary).toBe(`upload: 0191c2e4… · counts: headings 2, sentences 1,200 · format: md · cleanup: 2 items · is direct · note: “${'x'.repeat(57)}…”`);
    expect(describeAuditEvent({ type: 'suggestion.rejected', data: { suggestionId: ADA, reason: 'STYLE', note: 'Too loose a rendering' }, names })).toBe('suggestion: 0191c2e4… · reason: STYLE · note: “Too loose a rendering”');
    expect(describeAuditEvent({ type: 'report.resolved', data: { note: '', language: 'fr' }, names })).toBe('language: fr');
    expect(describeAuditEvent({ type: 'x', data: null, names })).toBe('');
  });

  it('finds the account an event is about', () => {
    expect(accountIdsIn({ userId: ADA })).toEqual([ADA]);
    expect(accountIdsIn({ userId: 'not an id' })).toEqual([]);
    expect(accountIdsIn([ADA])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';

import { ACTIONS, ANONYMOUS, SYSTEM_ACTOR, assertCan, can, canSomewhere, type Action, type Actor, type Role } from '../../lib/auth/permissions';
import { AppError } from '../../lib/errors/app-error';

const COLLECTION = '00000000-0000-7000-8000-000000000001';
const OTHER_COLLECTION = '00000000-0000-7000-8000-000000000002';

function user(overrides: Partial<Extract<Actor, { kind: 'user' }>> = {}): Actor {
  return { kind: 'user', id: 'u', email: 'u@example.org', name: 'U', isSiteAdmin: false, sessionVersion: 0, memberships: new Map(), ...overrides };
}

/** One actor per role, as seen from COLLECTION. */
const ACTORS: Record<Role, Actor> = {
  anonymous: ANONYMOUS,
  volunteer: user(),
  editor: user({ memberships: new Map([[COLLECTION, 'EDITOR']]) }),
  admin: user({ memberships: new Map([[COLLECTION, 'ADMIN']]) }),
};

// The expected matrix, written out by hand: a change to the policy table must change this too.
const EXPECTED: Record<Action, Role[]> = {
  'work.read': ['anonymous', 'volunteer', 'editor', 'admin'],
  'work.export': ['anonymous', 'volunteer', 'editor', 'admin'],
  'account.view': ['volunteer', 'editor', 'admin'],
  'account.update': ['volunteer', 'editor', 'admin'],
  'work.import': ['editor', 'admin'],
  'segment.edit': ['volunteer', 'editor', 'admin'],
  'segment.publish': ['editor', 'admin'],
  'upload.download': ['editor', 'admin'],
  'alignment.edit': ['editor', 'admin'],
  'suggestion.create': ['volunteer', 'editor', 'admin'],
  'suggestion.review': ['editor', 'admin'],
  'revision.revert': ['editor', 'admin'],
  'translation.confirm': ['editor', 'admin'],
  'comment.create': ['volunteer', 'editor', 'admin'],
  'comment.moderate': ['editor', 'admin'],
  'report.create': ['anonymous', 'volunteer', 'editor', 'admin'],
  'report.handle': ['editor', 'admin'],
  'notification.read': ['volunteer', 'editor', 'admin'],
  'progress.view': ['anonymous', 'volunteer', 'editor', 'admin'],
  'audit.view': ['admin'],
  'memory.import': ['editor', 'admin'],
  'memory.export': ['editor', 'admin'],
  'memory.readImported': ['volunteer', 'editor', 'admin'],
  'glossary.read': ['anonymous', 'volunteer', 'editor', 'admin'],
  'glossary.propose': ['volunteer', 'editor', 'admin'],
  'glossary.manage': ['editor', 'admin'],
  'check.dismiss': ['editor', 'admin'],
  'check.configure': ['editor', 'admin'],
  'names.read': ['anonymous', 'volunteer', 'editor', 'admin'],
  'names.propose': ['volunteer', 'editor', 'admin'],
  'names.manage': ['editor', 'admin'],
  // Site-scoped admin actions: a collection admin is not a site admin.
  'collection.create': [],
  'collection.manageMembers': ['admin'],
  'collection.configure': ['admin'],
  'account.disable': [],
};

describe('permission matrix (role × action, on one collection)', () => {
  it('lists every action of the policy table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const role of Object.keys(ACTORS) as Role[]) {
      const allowed = EXPECTED[action].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(ACTORS[role], action, { collectionId: COLLECTION })).toBe(allowed);
      });
    }
  }

  it('site admins and the command line may do everything', () => {
    for (const action of ACTIONS) {
      expect(can(user({ isSiteAdmin: true }), action, { collectionId: COLLECTION })).toBe(true);
      expect(can(SYSTEM_ACTOR, action, { collectionId: OTHER_COLLECTION })).toBe(true);
    }
  });
});

describe('cross-scope', () => {
  it('an editor of one collection is a volunteer in another', () => {
    const editor = ACTORS.editor;
    expect(can(editor, 'work.import', { collectionId: COLLECTION })).toBe(true);
    expect(can(editor, 'work.import', { collectionId: OTHER_COLLECTION })).toBe(false);
    expect(can(editor, 'segment.edit', { collectionId: OTHER_COLLECTION })).toBe(true);
  });

  it('collection roles give nothing without a collection (deny by default)', () => {
    expect(can(ACTORS.admin, 'collection.manageMembers')).toBe(false);
    expect(can(ACTORS.editor, 'work.import')).toBe(false);
  });

  it('canSomewhere is true when any membership allows the action', () => {
    expect(canSomewhere(ACTORS.editor, 'work.import')).toBe(true);
    expect(canSomewhere(ACTORS.volunteer, 'work.import')).toBe(false);
    expect(canSomewhere(ANONYMOUS, 'segment.edit')).toBe(false);
  });

  it('unknown actions are denied', () => {
    expect(can(user({ isSiteAdmin: true }), 'no.such.action' as Action)).toBe(false);
  });
});

describe('assertCan', () => {
  it('throws UNAUTHENTICATED for anonymous and FORBIDDEN for signed-in actors', () => {
    const codeOf = (fn: () => void) => {
      try {
        fn();
        return null;
      } catch (error) {
        return error instanceof AppError ? error.code : 'other';
      }
    };
    expect(codeOf(() => assertCan(ANONYMOUS, 'work.import', { collectionId: COLLECTION }))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => assertCan(ACTORS.volunteer, 'work.import', { collectionId: COLLECTION }))).toBe('FORBIDDEN');
    expect(codeOf(() => assertCan(ACTORS.editor, 'work.import', { collectionId: COLLECTION }))).toBeNull();
  });
});

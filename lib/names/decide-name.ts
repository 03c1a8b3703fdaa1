import 'server-only';

import { changeName } from './change-name';
import type { DecideNameInput } from './schemas';
import { recordAuditEvent } from '../audit/record-audit-event';
import { actorUserId, type Actor } from '../auth/permissions';
import type { DbClient } from '../db/client';

/**
 * Confirms a name (it joins the index and is recognised in texts) or rejects it (it leaves them;
 * kept with its forms, so the seeding never proposes it again). Deciding what is decided already
 * changes nothing. Throws NOT_FOUND, UNAUTHENTICATED, FORBIDDEN.
 */
export async function decideName({ actor, input, db }: { actor: Actor; input: DecideNameInput; db?: DbClient }): Promise<{ id: string; status: DecideNameInput['decision'] }> {
  return changeName({ actor, nameId: input.nameId, db }, async (tx, name) => {
    if (name.status !== input.decision) {
      await tx.nameEntry.update({ where: { id: name.id }, data: { status: input.decision } });
      const type = input.decision === 'CONFIRMED' ? 'name.confirmed' : 'name.rejected';
      await recordAuditEvent({ db: tx, type, actorId: actorUserId(actor), collectionId: name.collectionId, data: { nameId: name.id } });
    }
    return { result: { id: name.id, status: input.decision } };
  });
}

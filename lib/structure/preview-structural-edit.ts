import 'server-only';

import { prepareStructuralEdit } from './prepare-structural-edit';
import { proposeStructuralEditInput, type ProposeStructuralEditInput, type StructurePreview } from './structural-operation';
import type { Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';

/**
 * What a structural edit would do, before and after, without proposing it: the same validation
 * and plan as proposing (lib/structure/propose-structural-edit.ts). Throws UNAUTHENTICATED,
 * FORBIDDEN, NOT_FOUND, INVALID_INPUT and CONFLICT as proposing does.
 */
export async function previewStructuralEdit({ actor, workId, input, db = getDb() }: { actor: Actor; workId: string; input: ProposeStructuralEditInput; db?: Db }): Promise<{ preview: StructurePreview }> {
  const { operation } = proposeStructuralEditInput.parse(input);
  const { plan } = await prepareStructuralEdit({ db, actor, workId, operation });
  return { preview: plan.preview };
}

import { z } from 'zod';

import { proposeStructuralEditInput } from './structural-operation';
import { fieldMessage } from '../errors/error-text';

/** A structural edit as the routes take it: the work from the path, the operation and a note in the body. */
export const structuralEditRequest = proposeStructuralEditInput.extend({
  /** The work whose source the change concerns (the route's path). */
  workId: z.string().uuid(fieldMessage('form.invalidId')),
});

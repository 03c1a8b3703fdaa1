'use client';

import { ActionForm, type FormAction } from './action-form';
import { Label } from '../ui/label';
import { Select } from '../ui/select';

/** Proposes the names a work of the collection mentions (editors). */
export function ProposeNamesForm({ action, works }: { action: FormAction<{ proposed: number; known: number }>; works: { id: string; title: string }[] }) {
  return (
    <ActionForm
      action={action}
      submitLabel="Propose names"
      pendingLabel="Reading the work…"
      describeSuccess={({ proposed, known }) => `${proposed === 0 ? 'No new names' : `${proposed} ${proposed === 1 ? 'name' : 'names'} proposed`}${known > 0 ? `; ${known} already in the index or rejected` : ''}.`}
    >
      <div className="min-w-64 flex-1 space-y-1.5">
        <Label htmlFor="propose-work">Work</Label>
        <Select id="propose-work" name="workId" required defaultValue="">
          <option value="" disabled>
            Choose a work
          </option>
          {works.map((work) => (
            <option key={work.id} value={work.id}>
              {work.title}
            </option>
          ))}
        </Select>
      </div>
    </ActionForm>
  );
}

import type { ContributorFigures } from '@/lib/progress/types';

/** Contributors shown on the work page; the API lists more. */
const SHOWN = 10;

/** Who worked on a work: suggestions (published of made), reviews and comments, most published first. */
export function ContributorList({ contributors }: { contributors: readonly ContributorFigures[] }) {
  if (contributors.length === 0) return <p className="text-sm text-muted">No suggestions or reviews yet.</p>;
  return (
    <table className="w-full text-sm">
      <thead className="text-xs text-muted">
        <tr>
          <th scope="col" className="pb-1 text-left font-medium">Name</th>
          <th scope="col" className="pb-1 text-right font-medium" title="Published of the suggestions made">Suggestions</th>
          <th scope="col" className="pb-1 text-right font-medium" title="Decisions on others’ suggestions">Reviews</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {contributors.slice(0, SHOWN).map((person) => (
          <tr key={person.userId}>
            <td className="py-1.5 pr-2">
              {person.name}
              {person.comments > 0 && (
                <span className="block text-xs text-muted">
                  {person.comments.toLocaleString('en')} {person.comments === 1 ? 'comment' : 'comments'}
                </span>
              )}
            </td>
            <td className="py-1.5 text-right tabular-nums" title={`${person.pending} pending, ${person.rejected} rejected`}>
              {person.published.toLocaleString('en')} / {person.suggested.toLocaleString('en')}
            </td>
            <td className="py-1.5 text-right tabular-nums">{person.reviews.toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

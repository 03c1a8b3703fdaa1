import { splitMentions } from '@/lib/discussion/mentions';

/** A comment's text with line breaks kept and each mention highlighted. */
export function CommentBody({ body, viewerId }: { body: string; viewerId: string | null }) {
  return (
    <p className="text-sm leading-relaxed break-words whitespace-pre-wrap text-ink">
      {splitMentions(body).map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <span
            key={index}
            data-mention={part.userId}
            className={part.userId === viewerId ? 'rounded bg-mark px-0.5 font-medium text-ink' : 'rounded bg-accent-50 px-0.5 font-medium text-accent-800'}
          >
            {`@${part.name}`}
          </span>
        ),
      )}
    </p>
  );
}

import { cn } from '../ui/cn';

/**
 * The name of the speaker at the start of a turn of a dialogue, in bold small capitals before
 * the turn's words. Part of the layout, not of the text: it is shown the same beside the
 * original and the translation, and a screen reader hears it followed by a colon.
 */
export function SpeakerName({ name, className }: { name: string; className?: string }) {
  return (
    <span data-speaker={name} className={cn('mr-2 font-semibold tracking-wide text-ink [font-variant-caps:small-caps]', className)}>
      {name}
      <span className="sr-only">:</span>
    </span>
  );
}

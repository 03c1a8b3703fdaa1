import * as Y from 'yjs';

import { diffText, mapIndexThroughDelta, rebaseTextChange, type TextDelta } from '@/lib/collab/client/text-diff';

/** Transaction origin of the editor's own typing, so its observer can tell it from others' changes. */
const LOCAL_TYPING = { source: 'interlinear-editor' } as const;

/**
 * Binds a plain `<textarea>` to a Y.Text both ways. Local input becomes the smallest replacement
 * in the Y.Text; changes from others rewrite the value and carry the caret and selection through
 * their delta. While an IME composition is open nothing touches the textarea (rewriting its value
 * would end the composition); others' deltas are kept and the composed text is rebased over them
 * when the composition ends.
 */
export class TextareaBinding {
  /** The Y.Text's content as last written to or read from the textarea. */
  private shadow: string;
  private isComposing = false;
  /** Others' changes not yet shown in the textarea (they arrived during a composition). */
  private pending: TextDelta[] = [];

  constructor(
    private readonly textarea: HTMLTextAreaElement,
    private readonly text: Y.Text,
    private readonly onLocalChange?: () => void,
  ) {
    this.shadow = text.toString();
    if (textarea.value !== this.shadow) textarea.value = this.shadow;
    text.observe(this.handleRemote);
    textarea.addEventListener('input', this.handleInput);
    textarea.addEventListener('compositionstart', this.handleCompositionStart);
    textarea.addEventListener('compositionend', this.handleCompositionEnd);
  }

  destroy(): void {
    this.text.unobserve(this.handleRemote);
    this.textarea.removeEventListener('input', this.handleInput);
    this.textarea.removeEventListener('compositionstart', this.handleCompositionStart);
    this.textarea.removeEventListener('compositionend', this.handleCompositionEnd);
  }

  private readonly handleInput = (event: Event) => {
    if (this.isComposing || (event as Partial<InputEvent>).isComposing === true) return;
    this.flushLocal();
  };

  private readonly handleCompositionStart = () => {
    this.isComposing = true;
  };

  private readonly handleCompositionEnd = () => {
    this.isComposing = false;
    this.flushLocal();
    if (this.pending.length > 0) this.showRemote();
  };

  private readonly handleRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL_TYPING) return;
    this.pending.push(event.delta as TextDelta);
    if (this.isComposing) return;
    // Typing not yet turned into an update (it cannot normally happen: input events are handled
    // synchronously) is rebased over the remote change like a finished composition.
    if (this.textarea.value !== this.shadow) this.flushLocal();
    else this.showRemote();
  };

  /** Turns the difference between the textarea and the shadow into one Y.Text change. */
  private flushLocal(): void {
    const value = this.textarea.value;
    const change = diffText(this.shadow, value, this.textarea.selectionEnd);
    const deltas = this.pending;
    this.pending = [];
    if (!change) {
      if (deltas.length > 0) this.showRemote(deltas);
      return;
    }
    const rebased = rebaseTextChange(change, deltas);
    const apply = () => {
      if (rebased.remove > 0) this.text.delete(rebased.index, rebased.remove);
      if (rebased.insert) this.text.insert(rebased.index, rebased.insert);
    };
    if (this.text.doc) this.text.doc.transact(apply, LOCAL_TYPING);
    else apply();
    const current = this.text.toString();
    if (current !== value) {
      // Others changed the text meanwhile: show the merged text with the caret after our change.
      const caret = rebased.index + rebased.insert.length;
      this.textarea.value = current;
      this.textarea.setSelectionRange(caret, caret);
    }
    this.shadow = current;
    this.onLocalChange?.();
  }

  /** Shows others' changes, keeping the caret and selection on the same characters. */
  private showRemote(deltas: TextDelta[] = this.pending): void {
    this.pending = [];
    const { textarea } = this;
    const value = this.text.toString();
    if (value === textarea.value) {
      this.shadow = value;
      return;
    }
    const hasFocus = textarea.ownerDocument.activeElement === textarea;
    const { selectionStart, selectionEnd, selectionDirection } = textarea;
    textarea.value = value;
    this.shadow = value;
    if (!hasFocus) return;
    const isCollapsed = selectionStart === selectionEnd;
    const start = deltas.reduce((index, delta) => mapIndexThroughDelta(index, delta, isCollapsed ? -1 : 1), selectionStart);
    const end = isCollapsed ? start : deltas.reduce((index, delta) => mapIndexThroughDelta(index, delta, -1), selectionEnd);
    textarea.setSelectionRange(start, Math.max(start, end), selectionDirection);
  }
}

/** The selection of a textarea as Yjs relative positions, which stay on their characters while others type. */
export function selectionToRelative(textarea: HTMLTextAreaElement, text: Y.Text): { anchor: unknown; head: unknown } {
  const isBackward = textarea.selectionDirection === 'backward';
  const anchor = isBackward ? textarea.selectionEnd : textarea.selectionStart;
  const head = isBackward ? textarea.selectionStart : textarea.selectionEnd;
  return {
    anchor: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, anchor)),
    head: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, head)),
  };
}

/** Where a relative position received from someone else is in `text` now, or null when it is not in it. */
export function relativeToIndex(json: unknown, text: Y.Text): number | null {
  if (!json || typeof json !== 'object' || !text.doc) return null;
  try {
    const absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), text.doc);
    return absolute && absolute.type === text ? absolute.index : null;
  } catch {
    return null;
  }
}

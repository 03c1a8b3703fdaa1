import { describe, expect, it } from 'vitest';

import { decodeMentions, encodeMentions, excerptOf, mentionQueryAt, mentionToken, parseMentions, plainTextOf, rewriteMentions, splitMentions } from '../../../lib/discussion/mentions';

const ADA = '0190a0b0-0000-7000-8000-000000000001';
const BO = '0190a0b0-0000-7000-8000-000000000002';

describe('mentions', () => {
  it('writes one token per mention, keeping it one token whatever the name holds', () => {
    expect(mentionToken({ userId: ADA, name: 'Ada Lovelace' })).toBe(`@[Ada Lovelace](${ADA})`);
    expect(mentionToken({ userId: ADA, name: 'A [b]\nc' })).toBe(`@[A b c](${ADA})`);
    expect(parseMentions(mentionToken({ userId: ADA, name: 'A [b]\nc' }))).toEqual([{ userId: ADA, name: 'A b c' }]);
  });

  it('splits a body into text and mentions and lists each person once', () => {
    const body = `Hi @[Ada](${ADA}), see @[Bo](${BO}) and @[Ada](${ADA}). Mail ada@example.org`;
    expect(splitMentions(body)).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'mention', userId: ADA, name: 'Ada' },
      { kind: 'text', text: ', see ' },
      { kind: 'mention', userId: BO, name: 'Bo' },
      { kind: 'text', text: ' and ' },
      { kind: 'mention', userId: ADA, name: 'Ada' },
      { kind: 'text', text: '. Mail ada@example.org' },
    ]);
    expect(parseMentions(body).map((mention) => mention.userId)).toEqual([ADA, BO]);
    expect(plainTextOf(body)).toBe('Hi @Ada, see @Bo and @Ada. Mail ada@example.org');
  });

  it('rewrites resolved tokens to current names and the others to text', () => {
    expect(rewriteMentions(`@[Old](${ADA}) @[Bo](${BO})`, new Map([[ADA, 'Ada Lovelace']]))).toBe(`@[Ada Lovelace](${ADA}) @Bo`);
  });

  it('turns the composer’s @Name back into tokens for the people picked, longest name first', () => {
    const picked = [
      { userId: ADA, name: 'Ada' },
      { userId: BO, name: 'Ada Lovelace' },
    ];
    expect(encodeMentions('@Ada Lovelace and @Ada, not @Adam or me@Ada', picked)).toBe(`@[Ada Lovelace](${BO}) and @[Ada](${ADA}), not @Adam or me@Ada`);
    const { text, mentions } = decodeMentions(`Ask @[Ada Lovelace](${ADA}).`);
    expect(text).toBe('Ask @Ada Lovelace.');
    expect(encodeMentions(text, mentions)).toBe(`Ask @[Ada Lovelace](${ADA}).`);
  });

  it('finds the name being typed at the caret', () => {
    expect(mentionQueryAt('Hello @Ad', 9)).toEqual({ start: 6, query: 'Ad' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('@Ada Lo', 7)).toEqual({ start: 0, query: 'Ada Lo' });
    expect(mentionQueryAt('mail me@example', 15)).toBeNull();
    expect(mentionQueryAt('@Ada\nnext', 9)).toBeNull();
    expect(mentionQueryAt('no mention', 10)).toBeNull();
  });

  it('cuts excerpts to one line', () => {
    expect(excerptOf(`Line one\n\nline @[Ada](${ADA})`)).toBe('Line one line @Ada');
    expect(excerptOf('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

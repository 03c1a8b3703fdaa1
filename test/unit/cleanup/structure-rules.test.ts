import { describe, expect, it } from 'vitest';

import { runCleanup, type BlockMark } from '../../../lib/cleanup';
import { detectBlockQuotes } from '../../../lib/cleanup/rules/block-quotes';
import { detectLists } from '../../../lib/cleanup/rules/lists';
import { detectSpeakerTurns, readSpeakerPrefix } from '../../../lib/cleanup/rules/speaker-turns';
import type { CleanupInput } from '../../../lib/cleanup/types';

const paragraphs = (...texts: string[]) => texts.join('\n\n');

/** What a structure rule marked: the paragraph's text after its prefix, with its layout. */
function marked(detect: (input: CleanupInput) => { data?: { blocks?: BlockMark[] } }, text: string, input: Partial<CleanupInput> = {}) {
  const blocks = detect({ text, format: 'txt', ...input }).data?.blocks ?? [];
  return blocks.map((block) => {
    const lineEnd = text.indexOf('\n', block.end);
    return { style: block.style, speaker: block.speaker, marker: block.marker, depth: block.depth ?? 0, prefix: text.slice(block.start, block.end), text: text.slice(block.end, lineEnd < 0 ? undefined : lineEnd) };
  });
}

describe('speaker turns', () => {
  it('reads a dialogue of two speakers written "Name." and keeps the names apart from the text', () => {
    const text = paragraphs(
      'A Conversation on Bridges',
      'Ada. I came to ask about the bridge over the river.',
      'Brook. It was closed in May, and it is still closed.',
      'Ada. Who decided that?',
      'Brook. The council did. Nobody was asked.',
      'Nobody at all, I should say: not even the ferryman.',
      'Ada. Thank you.',
      'Printed in the Gazette, No. 4.',
    );
    const turns = marked(detectSpeakerTurns, text);
    expect(turns.map((turn) => [turn.speaker, turn.prefix, turn.text])).toEqual([
      ['Ada', 'Ada. ', 'I came to ask about the bridge over the river.'],
      ['Brook', 'Brook. ', 'It was closed in May, and it is still closed.'],
      ['Ada', 'Ada. ', 'Who decided that?'],
      ['Brook', 'Brook. ', 'The council did. Nobody was asked.'],
      // A paragraph without a name between two turns continues the turn before it.
      ['Brook', '', 'Nobody at all, I should say: not even the ferryman.'],
      ['Ada', 'Ada. ', 'Thank you.'],
    ]);
    expect(turns.every((turn) => turn.style === 'SPEAKER_TURN')).toBe(true);
    const proposal = detectSpeakerTurns({ text, format: 'txt' });
    expect(proposal.edits).toEqual([]);
    expect(proposal.summary).toBe('5 turns of 2 speakers (Ada, Brook), with 1 more paragraph of their turns');
    expect(proposal.examples[0]).toEqual({
      before: 'Ada. I came to ask about the bridge over the river.',
      after: '[speaker: Ada] I came to ask about the bridge over the river.',
      layout: { style: 'SPEAKER_TURN', name: 'Ada', text: 'I came to ask about the bridge over the river.' },
    });
  });

  it('reads three speakers in capitals with colons, and a name written without a space after it', () => {
    const text = paragraphs(
      'MODERATOR: Welcome to both of you.',
      'ADA LOVE: Thank you for having me.',
      'BROOK: It is a pleasure.',
      'MODERATOR: Let us begin with the bridge.',
      'ADA LOVE: It should be reopened.',
      'BROOK: 17 people cross it every hour.',
      'BROOK:“And nobody asked them,” he added.',
    );
    expect(marked(detectSpeakerTurns, text).map((turn) => [turn.speaker, turn.text])).toEqual([
      ['MODERATOR', 'Welcome to both of you.'],
      ['ADA LOVE', 'Thank you for having me.'],
      ['BROOK', 'It is a pleasure.'],
      ['MODERATOR', 'Let us begin with the bridge.'],
      ['ADA LOVE', 'It should be reopened.'],
      ['BROOK', '17 people cross it every hour.'],
      ['BROOK', '“And nobody asked them,” he added.'],
    ]);
  });

  it('reads names with titles and initials, Markdown emphasis, and a no-break space after the name', () => {
    expect(readSpeakerPrefix('Mr. Wells: I am grateful.')).toEqual({ name: 'Mr. Wells', textStart: 11 });
    expect(readSpeakerPrefix('H. G. Wells. I am grateful.')?.name).toBe('H. G. Wells');
    expect(readSpeakerPrefix('**Q:** What did you see?')).toEqual({ name: 'Q', textStart: 7 });
    expect(readSpeakerPrefix('**Wells**: I am grateful.')?.name).toBe('Wells');
    expect(readSpeakerPrefix('Wells.\u00a0I am grateful.')).toEqual({ name: 'Wells', textStart: 7 });
    // The shortest name wins: "Stalin. Yes. I see" is Stalin saying "Yes."
    expect(readSpeakerPrefix('Stalin. Yes. I see.')?.name).toBe('Stalin');
  });

  it('does not read ordinary sentences, abbreviations, numbers and headings as speakers', () => {
    for (const line of ['Mr. Smith said nothing.', 'Fig. 2. The bridge in 1900.', 'No. 17 was the last issue.', 'II. The Second Part', 'A. Smith wrote it.', 'Note: see below.', 'Bolshevik. 1934. No. 17.', 'In 1934. Nothing', 'Wells.']) {
      expect(readSpeakerPrefix(line), line).toBeNull();
    }
  });

  it('finds no dialogue in sentences that begin with a recurring word, an enumeration or a single turn', () => {
    const yesNo = paragraphs(
      'Yes. The bridge was closed, and yes, we asked why.',
      'No. Nobody answered, and no letter came.',
      'Yes. We asked again; yes, twice.',
      'No. There was no answer, and no notice.',
    );
    expect(detectSpeakerTurns({ text: yesNo, format: 'txt' }).count).toBe(0);
    const enumeration = paragraphs(
      'THE FIRST PART',
      'Firstly. The bridge is old.',
      'Secondly. The river is high.',
      'Thirdly. The council is slow.',
      'THE SECOND PART',
      'Firstly. The road is long.',
      'Secondly. The ferry is slow.',
      'Thirdly. The school is far.',
    );
    expect(detectSpeakerTurns({ text: enumeration, format: 'txt' }).count).toBe(0);
    const labels = paragraphs(
      'Mr. Smith said the bridge would open. Mr. Smith was wrong.',
      'Mr. Jones said it would not. Mr. Jones was right.',
      'Mr. Smith said so again. Mr. Smith was wrong again.',
      'Mr. Jones laughed.',
    );
    expect(detectSpeakerTurns({ text: labels, format: 'txt' }).count).toBe(0);
    const single = paragraphs('Stalin. Further discussions on Stalin, and long ones.', 'So, Stalin. That is the question.', 'Wells. A writer of novels, then.');
    expect(detectSpeakerTurns({ text: single, format: 'txt' }).count).toBe(0);
  });

  it('ends a dialogue at a heading and leaves what follows the last turn alone', () => {
    const text = paragraphs(
      'Ada. One.',
      'Brook. Two.',
      'Ada. Three.',
      'Brook. Four.',
      'A note on the text, after the dialogue.',
      'SOURCES',
      'Ada. Five.',
    );
    const turns = marked(detectSpeakerTurns, text);
    expect(turns.map((turn) => turn.text)).toEqual(['One.', 'Two.', 'Three.', 'Four.']);
  });

  it('reads turns on consecutive lines of one block, and not Markdown headings in Markdown', () => {
    const transcript = ['Ada: Hello.', 'Brook: Hello to you.', 'Ada: Shall we start?', 'Brook: Yes.'].join('\n');
    expect(marked(detectSpeakerTurns, transcript).map((turn) => turn.speaker)).toEqual(['Ada', 'Brook', 'Ada', 'Brook']);
    const markdown = paragraphs('# Ada. A Life', '**Ada:** Hello.', '**Brook:** Hello to you.', '**Ada:** Shall we start?', '**Brook:** Yes.');
    expect(marked(detectSpeakerTurns, markdown, { format: 'md' }).map((turn) => [turn.speaker, turn.text])).toEqual([
      ['Ada', 'Hello.'],
      ['Brook', 'Hello to you.'],
      ['Ada', 'Shall we start?'],
      ['Brook', 'Yes.'],
    ]);
  });
});

describe('lists', () => {
  it('reads numbered items in order, with their markers as written', () => {
    const text = paragraphs('The revolutions differ in five points:', '1) The first begins late.', '2) The second ends early.', '3) The third never ends.', 'That is all.');
    expect(marked(detectLists, text).map((item) => [item.marker, item.text])).toEqual([
      ['1)', 'The first begins late.'],
      ['2)', 'The second ends early.'],
      ['3)', 'The third never ends.'],
    ]);
    const proposal = detectLists({ text, format: 'txt' });
    expect(proposal.summary).toBe('3 list items in 1 list');
    expect(proposal.edits).toEqual([]);
  });

  it('reads letters, roman numerals and bracketed numbers, with a few paragraphs between items', () => {
    const text = paragraphs('a) to the first group;', 'b) to the second group;', '(i) one way,', '(ii) another way,', 'An aside between the items.', '(iii) a third way.');
    expect(marked(detectLists, text).map((item) => item.marker)).toEqual(['a)', 'b)', '(i)', '(ii)', '(iii)']);
  });

  it('reads bulleted items on consecutive lines, indented or not, a "•" even alone', () => {
    const text = ['The forces of production are composed of:', '  • the land,', '  • the means of production,', '  • labour power.'].join('\n');
    expect(marked(detectLists, text).map((item) => [item.marker, item.prefix, item.text])).toEqual([
      ['•', '  • ', 'the land,'],
      ['•', '  • ', 'the means of production,'],
      ['•', '  • ', 'labour power.'],
    ]);
    expect(marked(detectLists, paragraphs('Intro.', '• a single point', 'Outro.')).map((item) => item.text)).toEqual(['a single point']);
    expect(marked(detectLists, paragraphs('His posts:', '- People’s Commissar (1917-23);', '- General Secretary from 1922.')).map((item) => [item.marker, item.text])).toEqual([
      ['•', 'People’s Commissar (1917-23);'],
      ['•', 'General Secretary from 1922.'],
    ]);
  });

  it('reads a list set in under an item as nested in it, and the next item back out as its own list again', () => {
    const text = ['The tasks are:', '1. to raise industry;', '   a) heavy industry first,', '   b) then the rest;', '      • even the smallest works;', '2. to raise agriculture.'].join('\n');
    expect(marked(detectLists, text).map((item) => [item.marker, item.depth])).toEqual([
      ['1.', 0],
      ['a)', 1],
      ['b)', 1],
      ['•', 2],
      ['2.', 0],
    ]);
  });

  it('does not read a lone dash or star, a year, a heading or a contents line as a list', () => {
    const text = paragraphs(
      '- Yes, he said, and went out.',
      'The rain stopped.',
      '* My italics.',
      '1934. The year the bridge was built.',
      '1. Introduction',
      '2. Methods',
      '3. Results . . . . . . . 24',
      '4. Discussion . . . . . . 31',
      'IV. The Fourth Part of the Story',
      'A. Smith and B. Jones wrote it.',
    );
    expect(detectLists({ text, format: 'txt' }).count).toBe(0);
  });

  it('leaves Markdown lists to the import, but reads lettered items in Markdown text', () => {
    const text = paragraphs('- one', '- two', '1. first', '2. second', 'a) alpha', 'b) beta');
    expect(marked(detectLists, text, { format: 'md' }).map((item) => item.marker)).toEqual(['a)', 'b)']);
  });
});

describe('block quotations', () => {
  it('reads passages indented further than the text, several paragraphs long, and the text after them', () => {
    const text = [
      'The letter was short, and the council read it aloud at the meeting.',
      'It said:',
      '    We ask that the bridge be reopened before the',
      '    school year begins.',
      '',
      '    We ask this for the children.',
      'Nobody answered the letter for a month, and then a notice came.',
      '',
      'The notice was shorter still, and it changed nothing at all for anyone.',
    ].join('\n');
    expect(marked(detectBlockQuotes, text).map((mark) => [mark.style, mark.prefix, mark.text])).toEqual([
      ['QUOTE', '    ', 'We ask that the bridge be reopened before the'],
      ['QUOTE', '    ', 'We ask this for the children.'],
      // Body text right under the quotation starts a paragraph of its own.
      ['PROSE', '', 'Nobody answered the letter for a month, and then a notice came.'],
    ]);
    expect(detectBlockQuotes({ text, format: 'txt' }).summary).toBe('2 paragraphs in 1 block quotation');
  });

  it('does not read paragraph indents, an indented tail of a scraped page, or centred headings as quotations', () => {
    const indents = ['  The first paragraph begins with an indent', 'and goes on without one.', '  The second paragraph does the same', 'and ends here.', '  The third one too', 'and ends.'].join('\n');
    expect(detectBlockQuotes({ text: indents, format: 'txt' }).count).toBe(0);
    const tail = paragraphs('The opening paragraph of the page is not indented at all.', '    From here on every paragraph is indented by the page’s markup.', '    And so is this one, to the very end of the page.', '    And the last.');
    expect(detectBlockQuotes({ text: tail, format: 'txt' }).count).toBe(0);
    const centred = paragraphs('The body text of the chapter runs on here.', '          CHAPTER TWO', 'The body text of the next chapter.');
    expect(detectBlockQuotes({ text: centred, format: 'txt' }).count).toBe(0);
  });

  it('reads paragraphs in quotation marks introduced by a colon, up to the last one that closes', () => {
    const text = paragraphs(
      'In the pamphlet it is stated:',
      '“The first point is the peasant question.',
      '“The second point is the question of power.”15',
      '“A third paragraph that never closes',
      'Is this thesis correct? I think it is.',
      'Lenin says:',
      '“We applied coercion correctly only when we had convinced first” (ibid., p. 74).',
      'She said: “No.” And left.',
      '“Fiction starts paragraphs with quotation marks,” she said, “without any colon.”',
    );
    expect(marked(detectBlockQuotes, text).map((mark) => mark.text)).toEqual([
      '“The first point is the peasant question.',
      '“The second point is the question of power.”15',
      '“We applied coercion correctly only when we had convinced first” (ibid., p. 74).',
    ]);
    expect(marked(detectBlockQuotes, text, { format: 'md' })).toHaveLength(3);
  });

  it('leaves Markdown’s own quotations alone', () => {
    expect(detectBlockQuotes({ text: paragraphs('He wrote:', '> “It is closed.”'), format: 'md' }).count).toBe(0);
  });
});

describe('the structure rules in the pipeline', () => {
  it('marks paragraphs of the cleaned text, the earlier rule keeping a paragraph two rules claim', () => {
    const text = paragraphs('Ada. What do we ask for?', 'Brook. Two things:', '1) A bridge.', '2) A ferry.', 'Ada. Is that all?', 'Brook. That is all.');
    const result = runCleanup(text);
    expect(result.blocks.map((block) => [block.style, block.speaker ?? block.marker ?? '', result.text.slice(block.end, block.end + 8)])).toEqual([
      ['SPEAKER_TURN', 'Ada', 'What do '],
      ['SPEAKER_TURN', 'Brook', 'Two thin'],
      ['LIST_ITEM', '1)', 'A bridge'],
      ['LIST_ITEM', '2)', 'A ferry.'],
      ['SPEAKER_TURN', 'Ada', 'Is that '],
      ['SPEAKER_TURN', 'Brook', 'That is '],
    ]);
  });

  it('reads the paragraphs of a hard-wrapped text line by line once its lines are joined', () => {
    const body = (n: number) => [`The bridge builders of the old towns worked with stone and timber, and their`, `methods were handed down from master to apprentice for generation ${n}; they`, `chose the stone and measured the river before the first arch was raised.`];
    const text = [...body(1), 'There were three rules:', '1) The stone must be dry and the timber seasoned', 'for a year at least.', '2) The arch must be raised in summer.', '3) The river must be low.', ...body(2), ...body(3)].join('\n');
    const result = runCleanup(text);
    const items = result.blocks.filter((block) => block.style === 'LIST_ITEM');
    expect(items.map((item) => result.text.slice(item.end, result.text.indexOf('\n', item.end)))).toEqual(['The stone must be dry and the timber seasoned for a year at least.', 'The arch must be raised in summer.', 'The river must be low.']);
  });

  it('can be switched off rule by rule', () => {
    const text = paragraphs('Ada. One.', 'Brook. Two.', 'Ada. Three.', 'Brook. Four.');
    expect(runCleanup(text).blocks).toHaveLength(4);
    const off = runCleanup(text, { enabled: { 'speaker-turns': false } });
    expect(off.blocks).toEqual([]);
    expect(off.proposals.map((proposal) => proposal.ruleId)).not.toContain('speaker-turns');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { CleanupPreviewSession } from '../../../components/import/cleanup-preview-session';
import { runCleanup } from '../../../lib/cleanup';
import { defaultTitle, defaultTitleOf, titleFromFilename } from '../../../lib/import/default-title';

const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');

describe('the title an import starts from', () => {
  it('makes a file name readable', () => {
    expect(titleFromFilename('stalin-works-vol8-ocr.en.txt')).toBe('Stalin works, Volume 8');
    expect(titleFromFilename('lenin_collected-works_vol.12_final.txt')).toBe('Lenin collected works, Volume 12');
    expect(titleFromFilename('сталин-сочинения-том8-скан.ru.txt')).toBe('Сталин сочинения, Том 8');
    expect(titleFromFilename('ocr.txt')).toBe('Ocr');
    expect(titleFromFilename('vol3.txt')).toBe('Vol3');
    expect(titleFromFilename('my_speech-1926.txt')).toBe('My speech 1926');
    expect(titleFromFilename('C:\\texts\\notes.ru-RU.md')).toBe('Notes');
  });

  it('takes the first heading set apart near the text’s start, not a byline, an imprint or a running head', () => {
    const body = 'The ferry stopped at the old pier in summer and did not run in winter, so the town asked for a bridge.';
    expect(defaultTitle(['A. B. Smith', '', 'On the Bridges of the Town', '', body].join('\n'), 'x.txt')).toBe('On the Bridges of the Town');
    expect(defaultTitle(['ML © Digital Reprints 2006', '', 'From Marx to Mao', '', 'THE HARBOUR', '', body].join('\n'), 'x.txt', { furniture: ['FROM MARX', 'TO MAO'] })).toBe('THE HARBOUR');
    expect(defaultTitle(['# A Talk About Bridges', body].join('\n'), 'x.md')).toBe('A Talk About Bridges');
    // A line run on into the next is no title set apart; nothing else: the file's name.
    expect(defaultTitle(['RUSSIAN EDITION', 'PUBLISHED BY DECISION', '', body].join('\n'), 'talks-1926.txt')).toBe('Talks 1926');
    // A volume's title is on the pages before its contents, not a work's heading after them.
    const volume = ['COLLECTED TALKS', 'Volume One', '', 'CONTENTS', 'A Talk . . . 1', '', 'A TALK', '', body].join('\n');
    expect(defaultTitle(volume, 'talks.txt', { contentsStart: volume.indexOf('CONTENTS') })).toBe('Talks');
    expect(defaultTitle(volume, 'talks.txt')).toBe('A TALK');
  });

  it('on the corpus: the texts’ own titles, and for the OCR volume, whose title page the OCR garbled, its file name', () => {
    const titles = Object.fromEntries(
      ['lenin-stalin-quotes-collection.en.txt', 'razlatzky-notes-in-the-margins.en.txt', 'stalin-works-vol8-ocr.en.txt', 'wells-stalin-interview-1934.en.txt'].map((name) => [name, defaultTitleOf(runCleanup(readFileSync(path.join(CORPUS_DIR, name), 'utf8')), name)]),
    );
    expect(titles).toEqual({
      'lenin-stalin-quotes-collection.en.txt': 'Lenin on ‘Jewish Nation’',
      'razlatzky-notes-in-the-margins.en.txt': 'Notes in the Margins of History',
      // Its first headings are an imprint printed as page furniture (`From Marx to Mao`) and title-page blocks.
      'stalin-works-vol8-ocr.en.txt': 'Stalin works, Volume 8',
      'wells-stalin-interview-1934.en.txt': 'HG Wells in Conversation with Joseph Stalin (23.6.1934) – From Russian Language Sources',
    });
  });

  it('is what the import preview offers for a chosen file, and for pasted text', () => {
    const bytes = new TextEncoder().encode(['', 'On the Bridges of the Town', '', 'The ferry stopped at the old pier.'].join('\n'));
    expect(new CleanupPreviewSession().load({ kind: 'bytes', bytes: bytes.slice().buffer, filename: 'bridges.txt' }).title).toBe('On the Bridges of the Town');
    expect(new CleanupPreviewSession().load({ kind: 'bytes', bytes: new TextEncoder().encode('just a line of text.').slice().buffer, filename: 'river_notes.txt' }).title).toBe('River notes');
    expect(new CleanupPreviewSession().load({ kind: 'text', text: 'just a line of text.' }).title).toBe('');
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

/** Runs one of the project's CLIs as `npm run` does, against this run's test database. */
async function cli(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', '--import', './scripts/register-hooks.mjs', script, ...args], {
      cwd: ROOT,
      env: { ...process.env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('npm run import / npm run export', () => {
  it('imports a corpus file with --json and exports it as JSONL with the reader’s data', async () => {
    const file = path.join(CORPUS, 'wells-stalin-interview-1934.en.txt');
    const imported = await cli('scripts/import.ts', [file, '--lang', 'en', '--title', 'Interview, 1934', '--collection', 'CLI tests', '--author', 'H. G. Wells', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const summary = JSON.parse(imported.stdout) as { workId: string; counts: Record<string, number>; pageAnchors: { label: string }[] };
    expect(summary.counts.sentence).toBeGreaterThan(300);
    expect(summary.pageAnchors.length).toBeGreaterThan(0);

    const exported = await cli('scripts/export.ts', [summary.workId, '--format', 'jsonl']);
    expect(exported.code, exported.stderr).toBe(0);
    const [work, ...lines] = exported.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    // The first line is the work, with its metadata, its volume (none) and its languages.
    expect(work).toMatchObject({ type: 'work', id: summary.workId, title: 'Interview, 1934', author: 'H. G. Wells', sourceLanguage: 'en', collection: { title: 'CLI tests' }, volume: null });
    expect(work?.languages).toEqual([expect.objectContaining({ language: 'en', isSource: true, published: expect.any(Number) as number, total: expect.any(Number) as number })]);
    const total = Object.values(summary.counts).reduce((a, b) => a + b, 0);
    expect(lines).toHaveLength(total);
    for (const line of lines) expect(Object.keys(line).sort()).toEqual(['emphasis', 'id', 'kind', 'label', 'level', 'order', 'page', 'speaker', 'status', 'style', 'texts', 'type']);
    const pages = lines.filter((line) => line.page !== null).map((line) => line.page);
    expect(pages).toEqual(summary.pageAnchors.map((anchor) => anchor.label));
    const sentence = lines.find((line) => line.kind === 'sentence');
    expect(sentence?.status).toEqual({ en: 'APPROVED' });
    // The interview is a dialogue: its paragraphs are turns, the speakers' names kept apart from the text.
    const turns = lines.filter((line) => line.style === 'speaker_turn');
    expect(new Set(turns.map((line) => line.speaker))).toEqual(new Set(['Wells', 'Stalin']));
    expect(turns.every((line) => line.kind === 'paragraph')).toBe(true);
  });

  it('reports the structure rules like the other cleanup rules, and switches one off with --no-RULE', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'interlinear-cli-'));
    const file = path.join(dir, 'talk.txt');
    await writeFile(file, ['A Talk', '', 'Ada: Shall we begin with the bridge?', '', 'Brook: Yes. It was closed in May.', '', 'Ada: Who closed it?', '', 'Brook: The council did, without a word.'].join('\n'));
    const reported = await cli('scripts/import.ts', [file, '--lang', 'en', '--title', 'A talk', '--collection', 'CLI tests']);
    expect(reported.code, reported.stderr).toBe(0);
    expect(reported.stdout).toMatch(/speaker-turns: 4 turns of 2 speakers \(Ada, Brook\)/u);
    const off = await cli('scripts/import.ts', [file, '--lang', 'en', '--title', 'A talk', '--collection', 'CLI tests', '--no-speaker-turns', '--json']);
    expect(off.code, off.stderr).toBe(0);
    const summary = JSON.parse(off.stdout) as { workId: string; cleanup: { ruleId: string }[] };
    expect(summary.cleanup.map((line) => line.ruleId)).not.toContain('speaker-turns');
    const exported = await cli('scripts/export.ts', [summary.workId, '--format', 'jsonl']);
    const lines = exported.stdout.trimEnd().split('\n').slice(1).map((line) => JSON.parse(line) as { style: string; texts: Record<string, string> });
    expect(lines.filter((line) => line.style === 'speaker_turn')).toEqual([]);
    expect(lines.map((line) => line.texts.en)).toContain('Ada: Shall we begin with the bridge?');
  });

  it('titles a text imported without --title by its own title, after the cleanup chosen', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'interlinear-cli-'));
    const file = path.join(dir, 'speech-draft-v2.txt');
    await writeFile(file, ['ON THE TASKS OF THE DAY', '', 'The first sentence of the speech.', '', 'The second paragraph ends it.'].join('\n'));
    const titled = await cli('scripts/import.ts', [file, '--lang', 'en', '--collection', 'CLI tests', '--json']);
    expect(titled.code, titled.stderr).toBe(0);
    const { workId } = JSON.parse(titled.stdout) as { workId: string };
    const exported = await cli('scripts/export.ts', [workId, '--format', 'jsonl']);
    expect(JSON.parse(exported.stdout.split('\n')[0] ?? '{}')).toMatchObject({ type: 'work', title: 'ON THE TASKS OF THE DAY' });
  });

  it('refuses a file that is not valid in its declared encoding with a message and a non-zero exit, and prints usage without arguments', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'interlinear-cli-'));
    const broken = path.join(dir, 'broken.txt');
    // A UTF-8 byte-order mark, then a byte that cannot follow in UTF-8.
    await writeFile(broken, Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xcf, 0x20, 0x41]));
    const refused = await cli('scripts/import.ts', [broken, '--lang', 'ru', '--title', 'Broken']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not valid UTF-8');

    const usage = await cli('scripts/import.ts', []);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run import');

    const unknown = await cli('scripts/export.ts', ['00000000-0000-7000-8000-000000000000', '--format', 'jsonl']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('does not exist');
  });

  it('imports an original and its translation at once, or a translation for an existing work, aligned', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'interlinear-cli-'));
    const original = path.join(dir, 'original.md');
    const translation = path.join(dir, 'translation.md');
    await writeFile(original, '# Title\n\nThe first point is simple. The second point takes longer to explain.\n');
    await writeFile(translation, '# Titre\n\nLe premier point est simple. Le second point demande plus de temps. Il faut l’expliquer.\n');
    const both = await cli('scripts/import.ts', [original, '--lang', 'en', '--title', 'Two points', '--collection', 'CLI tests', '--translation', translation, '--translation-lang', 'fr', '--translator', 'C. L. I.', '--year', '2001', '--json']);
    expect(both.code, both.stderr).toBe(0);
    const summary = JSON.parse(both.stdout) as { workId: string; translation: { language: string; targetSentences: number; beadTypes: Record<string, number> } };
    expect(summary.translation).toMatchObject({ language: 'fr', targetSentences: 4, beadTypes: { '1-1': 2, '1-2': 1 } });

    const german = path.join(dir, 'de.md');
    await writeFile(german, '# Titel\n\nDer erste Punkt ist einfach. Der zweite Punkt braucht länger.\n');
    const later = await cli('scripts/import.ts', [german, '--lang', 'de', '--translation-of', summary.workId]);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toContain('Aligned the “de” translation (3 sentences)');

    const exported = await cli('scripts/export.ts', [summary.workId, '--format', 'jsonl']);
    const lines = exported.stdout.trimEnd().split('\n').slice(1).map((line) => JSON.parse(line) as { texts: Record<string, string> });
    const second = lines.find((line) => line.texts.en?.startsWith('The second point'));
    expect(second?.texts).toEqual({
      en: 'The second point takes longer to explain.',
      fr: 'Le second point demande plus de temps. Il faut l’expliquer.',
      de: 'Der zweite Punkt braucht länger.',
    });
  });

  it('re-imports a work with --reimport and cleanup flags, as a dry run first', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reimport-'));
    const file = path.join(dir, 'scan.txt');
    // Running headers inside sentences that run on from the page before.
    const pages = [1, 2, 3, 4, 5, 6].map((page) =>
      [page % 2 === 0 ? `A HISTORY OF BRIDGES ${page + 10}` : `${page + 10} THE STONE AGE`, `second summer, when the masters of bridge ${page} had argued about the piers.`, '', `The river was wide and slow at the ford on page ${page}.`, `Builders came from the towns along the coast in year ${page}.`, `The first arch of bridge number ${page} rose in the`].join('\n'),
    );
    await writeFile(file, pages.join('\n'));
    const imported = await cli('scripts/import.ts', [file, '--lang', 'en', '--title', 'Bridges', '--collection', 'CLI tests', '--no-running-headers', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const { workId } = JSON.parse(imported.stdout) as { workId: string };

    const dry = await cli('scripts/import.ts', ['--reimport', workId, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ isDryRun: true, counts: { changed: 6, inserted: 0, unmatchedOld: 0 } });
    const applied = await cli('scripts/import.ts', ['--reimport', workId]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('6 texts changed (CLEANUP revisions)');
    const again = await cli('scripts/import.ts', ['--reimport', workId, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ counts: { changed: 0 } });
  }, 60_000);
});

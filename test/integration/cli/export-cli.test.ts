import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { beforeAll, describe, expect, it } from 'vitest';

import { buildLaidOutWork, buildVolume, translateWork } from '../../helpers/export-fixtures';
import { buildCollection, buildWork } from '../../helpers/factories';
import { readZip } from '../../helpers/zip';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');

/** Runs `npm run export` as npm does, against this run's test database. */
async function exportCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', '--import', './scripts/register-hooks.mjs', 'scripts/export.ts', ...args], { cwd: ROOT, env: { ...process.env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('npm run export in every format', () => {
  let workId: string;
  let volumeId: string;

  beforeAll(async () => {
    const collection = await buildCollection('Export CLI: harvest');
    const work = await buildLaidOutWork({ title: 'Harvest from the command line', collectionId: collection.id });
    workId = work.workId;
    await translateWork({ workId, language: 'de', translate: (text) => `Übersetzt: ${text}` });
    const other = await buildWork({ collectionId: collection.id, title: 'Command line opening', text: '# Opening\n\nA short opening piece.\n' });
    volumeId = await buildVolume({ title: 'Command Line Papers', workIds: [other.workId, workId] });
  });

  it('writes an EPUB of two languages to a file, and Markdown to stdout', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'export-cli-'));
    const out = path.join(dir, 'harvest.epub');
    const written = await exportCli([workId, '--format', 'epub', '--lang', 'de', '--with', 'en', '--layout', 'alternating', '--out', out]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toContain(`Wrote ${out}`);
    const entries = await readZip(await readFile(out));
    expect(entries[0]?.name).toBe('mimetype');
    const opf = entries.find((entry) => entry.name === 'OEBPS/content.opf')?.bytes.toString('utf8') ?? '';
    expect(opf).toContain('<dc:language>de</dc:language><dc:language>en</dc:language>');

    const markdown = await exportCli([workId, '--format', 'md', '--lang', 'de']);
    expect(markdown.code, markdown.stderr).toBe(0);
    expect(markdown.stdout.startsWith('# Harvest from the command line\n')).toBe(true);
    expect(markdown.stdout).toContain('**Ada:** Übersetzt: Shall we begin');
  });

  it('writes the volume a work was printed in with --volume, from the work’s id or the volume’s', async () => {
    const fromWork = await exportCli([workId, '--format', 'txt', '--volume']);
    expect(fromWork.code, fromWork.stderr).toBe(0);
    expect(fromWork.stdout.startsWith('Command Line Papers\n')).toBe(true);
    expect(fromWork.stdout.indexOf('A short opening piece.')).toBeLessThan(fromWork.stdout.indexOf('ON THE HARVEST AT LOWFIELD'));
    const fromVolume = await exportCli([volumeId, '--format', 'txt', '--volume']);
    expect(fromVolume.stdout).toBe(fromWork.stdout);
  });

  it('writes XLIFF (2.0 and 1.2) and TMX with --lang as the translation, a volume as one file per work', async () => {
    const xliff = await exportCli([workId, '--format', 'xliff', '--lang', 'de']);
    expect(xliff.code, xliff.stderr).toBe(0);
    expect(xliff.stdout).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en" trgLang="de">');
    expect(xliff.stdout).toContain('<target>Übersetzt: Shall we begin with the bridge at Lowfield?</target>');
    const older = await exportCli([workId, '--format', 'xliff12']);
    expect(older.code, older.stderr).toBe(0);
    expect(older.stdout).toContain('source-language="en" target-language="de"');
    const volume = await exportCli([workId, '--format', 'xliff', '--lang', 'de', '--volume']);
    expect(volume.code, volume.stderr).toBe(0);
    expect(volume.stdout.match(/<file /gu)).toHaveLength(2);
    const tmx = await exportCli([workId, '--format', 'tmx', '--lang', 'de']);
    expect(tmx.code, tmx.stderr).toBe(0);
    expect(tmx.stdout).toContain('<seg>Übersetzt: Shall we begin with the bridge at Lowfield?</seg>');
    const original = await exportCli([workId, '--format', 'tmx', '--lang', 'en']);
    expect(original.code).toBe(1);
    expect(original.stderr).toContain('is the original’s language');
  });

  it('refuses what it cannot do', async () => {
    const unknown = await exportCli([workId, '--format', 'pdf']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Usage: npm run export -- ID --format epub|html|txt|md|jsonl|xliff|xliff12|tmx');
    const layout = await exportCli([workId, '--format', 'html', '--with', 'de', '--layout', 'diagonal']);
    expect(layout.code).toBe(2);
    expect(layout.stderr).toContain('Choose a layout');
    const language = await exportCli([workId, '--format', 'txt', '--lang', 'fr']);
    expect(language.code).toBe(1);
    expect(language.stderr).toContain('is not read in “fr”');
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One message of epubcheck's JSON report. */
export interface EpubcheckMessage {
  ID: string;
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO' | 'SUPPRESSED';
  message: string;
  locations: { path: string; line: number; column: number }[];
}

/**
 * Checks an EPUB with Debian's epubcheck (`epubcheck FILE --json REPORT -q`): exit 0 means no
 * error. The package installs an executable jar; where the kernel does not run jars directly
 * (no binfmt), it is started with `java -jar`.
 */
export async function epubcheck(bytes: Uint8Array): Promise<{ exitCode: number; messages: EpubcheckMessage[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'epubcheck-'));
  const book = path.join(dir, 'book.epub');
  const report = path.join(dir, 'report.json');
  await writeFile(book, bytes);
  const { stdout: jar } = await run('sh', ['-c', 'command -v epubcheck']);
  let exitCode = 0;
  try {
    // C1 only and the serial collector: a short run starts faster and takes less of a busy machine.
    await run('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', jar.trim(), book, '--json', report, '-q'], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    exitCode = (error as { code?: number }).code ?? 1;
  }
  try {
    const parsed = JSON.parse(await readFile(report, 'utf8')) as { messages: EpubcheckMessage[] };
    return { exitCode, messages: parsed.messages };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The messages at `severities` as one line each, for a readable failure. */
export function describeMessages(messages: readonly EpubcheckMessage[], severities: readonly string[] = ['FATAL', 'ERROR', 'WARNING']): string[] {
  return messages.filter((message) => severities.includes(message.severity)).map((message) => `${message.severity} ${message.ID} ${message.message} @ ${message.locations.map((location) => `${location.path}:${location.line}`).join(', ')}`);
}

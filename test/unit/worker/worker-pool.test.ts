import { afterAll, describe, expect, it, vi } from 'vitest';

import { AppError } from '../../../lib/errors/app-error';
import { doParseJob } from '../../../lib/import/worker/parse-jobs';
import { getParsePool, runParseJob } from '../../../lib/import/worker/run-parse-job';
import { refusalError, WorkerPool, type WorkerPoolOptions } from '../../../lib/worker/worker-pool';
import { docxParagraph as p, makeDocx } from '../../helpers/docx';
import type { StubJob } from '../../helpers/stub-parse-worker';
import { makeZip } from '../../helpers/zip';

const pools: WorkerPool[] = [];

/**
 * A pool of stub workers (test/helpers/stub-parse-worker.ts) with generous limits unless told
 * otherwise; `run` answers a job's value or throws its refusal as an AppError, as runParseJob does.
 */
function stubPool(options: Partial<WorkerPoolOptions> = {}): { run: (job: StubJob) => Promise<unknown> } {
  const pool = new WorkerPool({ workerFile: 'test/helpers/stub-parse-worker.ts', maxWorkers: 2, maxQueue: 2, timeoutMs: 20_000, heapMb: 256, ...options });
  pools.push(pool);
  return {
    run: async (job) => {
      const outcome = await pool.run(job);
      if (!outcome.ok) throw refusalError(outcome.error);
      return outcome.value;
    },
  };
}

/** The AppError a promise rejects with (or a failure saying it did not). */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => new Error('the job was not refused'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw error;
  return error;
}

afterAll(async () => {
  await Promise.all([...pools, getParsePool()].map((pool) => pool.close()));
});

describe('WorkerPool', () => {
  it('answers jobs from a worker thread, and passes on the AppError a job throws', async () => {
    const pool = stubPool();
    expect(await pool.run({ action: 'echo', value: { text: 'hello', bytes: new Uint8Array([1, 2]) } })).toEqual({ text: 'hello', bytes: new Uint8Array([1, 2]) });
    const refused = await refusal(pool.run({ action: 'refuse' }));
    expect([refused.code, refused.message, refused.details]).toEqual(['UNSUPPORTED_MEDIA_TYPE', 'The stub does not read this.', { reason: 'stub' }]);
    // The same worker serves on after a refusal.
    expect(await pool.run({ action: 'echo', value: 2 })).toBe(2);
  });

  it('stops a job that runs past the time limit, and serves the next job', async () => {
    const pool = stubPool({ timeoutMs: 3_000 });
    const stopped = await refusal(pool.run({ action: 'loop' }));
    expect([stopped.code, stopped.message]).toEqual(['PAYLOAD_TOO_LARGE', 'The file could not be read within 3 seconds: it is too large or too complex to import.']);
    expect(await pool.run({ action: 'echo', value: 'next' })).toBe('next');
  });

  it('stops a job that outgrows its heap limit, and serves the next job', async () => {
    const pool = stubPool({ heapMb: 64 });
    const stopped = await refusal(pool.run({ action: 'allocate' }));
    expect([stopped.code, stopped.message]).toEqual(['PAYLOAD_TOO_LARGE', 'The file needs more than 64 MB of memory to read: it is too large or too complex to import.']);
    expect(await pool.run({ action: 'echo', value: 'next' })).toBe('next');
  });

  it('reports any other failure as an internal error, without its details', async () => {
    const pool = stubPool();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const job of [{ action: 'fail' }, { action: 'exit' }] as const) {
      const failed = await refusal(pool.run(job));
      expect(failed.code).toBe('INTERNAL');
      expect(failed.message).not.toMatch(/secret|exit|code 3/u);
    }
    vi.mocked(console.error).mockRestore();
  });

  it('runs at most its workers at once, lets a bounded queue wait, and refuses more as busy', async () => {
    const pool = stubPool({ maxWorkers: 1, maxQueue: 1 });
    const gate = new Int32Array(new SharedArrayBuffer(4));
    const started = new Int32Array(new SharedArrayBuffer(4));
    const holding = pool.run({ action: 'hold', gate, started });
    const queued = pool.run({ action: 'hold', gate, started });
    const busy = await refusal(pool.run({ action: 'echo', value: 'one too many' }));
    expect([busy.code, busy.status, busy.details]).toEqual(['SERVER_BUSY', 503, { retryAfterSeconds: 30 }]);
    // The first job holds its one worker: the queued one has not started.
    await vi.waitFor(() => expect(Atomics.load(started, 0)).toBe(1), { timeout: 20_000 });
    expect(Atomics.load(started, 0)).toBe(1);
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    expect(await Promise.all([holding, queued])).toEqual(['released', 'released']);
    expect(Atomics.load(started, 0)).toBe(2);
  });
});

describe('runParseJob', () => {
  it('reads an upload in the parse worker exactly as in the calling thread', async () => {
    const page = { name: 'page.html', bytes: new TextEncoder().encode(`<body><h1>Ferry</h1><p>It stops at the pier.</p>${'<!--'.repeat(60_000)}</body>`) };
    const docx = { name: 'letter.docx', bytes: makeDocx([p('A Letter', 'Heading1'), p('Closed until further notice.', 'Quote')]) };
    for (const file of [page, docx]) {
      expect(await runParseJob('read', { file })).toEqual(await doParseJob({ kind: 'read', input: { file } }));
    }
    const prepared = await runParseJob('prepare', { file: docx, language: 'en' });
    expect(prepared.rows.filter((row) => row.text !== null).map((row) => row.text)).toEqual(['A Letter', 'Closed until further notice.']);
  });

  it('refuses malformed Word documents and zip bombs from the worker with their reasons', async () => {
    const notZip = await refusal(runParseJob('read', { file: { name: 'fake.docx', bytes: new TextEncoder().encode('not a zip at all') } }));
    expect([notZip.code, notZip.message]).toEqual(['UNSUPPORTED_MEDIA_TYPE', 'The file is not a Word document (.docx): it is not a ZIP archive.']);
    const bomb = makeZip({ 'word/document.xml': new Uint8Array(80 * 1024 * 1024) });
    const tooLarge = await refusal(runParseJob('prepare', { file: { name: 'bomb.docx', bytes: bomb }, language: 'en' }));
    expect([tooLarge.code, tooLarge.message]).toEqual(['PAYLOAD_TOO_LARGE', 'The Word document cannot be read: it unpacks to more than 64 MB.']);
  });
});

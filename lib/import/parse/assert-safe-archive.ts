import 'server-only';

import type { Readable } from 'node:stream';

import yauzl, { type Entry, type ZipFile } from 'yauzl';

import { assertSingleDirectory } from './assert-single-directory';
import { MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_RATIO, MAX_ZIP_UNCOMPRESSED_BYTES, ZIP_RATIO_EXEMPT_BYTES } from '../../config/limits';
import { AppError } from '../../errors/app-error';
import { sizeInBytes } from '../../errors/error-text';

/**
 * Checks that a Word document's ZIP archive can be unpacked safely before any reader unpacks it
 * (mammoth's unzipper has no limits, and what it inflates are Buffers, outside the worker's heap
 * limit): at most {@link MAX_ZIP_ENTRIES} entries, at most {@link MAX_ZIP_UNCOMPRESSED_BYTES}
 * inflated in all, no entry inflating to more than {@link MAX_ZIP_ENTRY_RATIO} times its packed
 * size. The sizes the archive states are checked first, then every entry is inflated as a stream
 * and its bytes counted — an entry yielding more than it states is refused at that byte (yauzl
 * checks the stated size, the counts here the limits), so nothing larger is ever held in memory.
 * Throws UNSUPPORTED_MEDIA_TYPE (not a ZIP archive, damaged, encrypted) and PAYLOAD_TOO_LARGE
 * (over a limit). Archives that different readers would list differently are refused
 * ({@link assertSingleDirectory}), so the entries checked are the ones mammoth reads.
 */
export async function assertSafeArchive(bytes: Uint8Array): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'docx.notZip');
  }
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) throw tooManyEntries();
    // What is checked here must be what mammoth's unzipper will read, entry for entry.
    assertSingleDirectory(bytes, zip.entryCount);
    let entries = 0;
    let total = 0;
    for await (const entry of readEntries(zip)) {
      entries += 1;
      if (entries > MAX_ZIP_ENTRIES) throw tooManyEntries();
      if (total + entry.uncompressedSize > MAX_ZIP_UNCOMPRESSED_BYTES) throw tooLarge();
      if (isBomb(entry.uncompressedSize, entry.compressedSize)) throw bomb(entry.fileName);
      if (!entry.canDecodeFileData()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'docx.encrypted');
      total = await countEntry(zip, entry, total);
    }
  } finally {
    zip.close();
  }
}

/** The archive's entries, a damaged central directory refused as such. */
async function* readEntries(zip: ZipFile): AsyncGenerator<Entry> {
  const iterator = zip.eachEntry();
  for (;;) {
    let next: IteratorResult<Entry>;
    try {
      next = await iterator.next();
    } catch {
      throw damaged();
    }
    if (next.done) return;
    yield next.value;
  }
}

/** Inflates one entry as a stream, counting its bytes against the limits; returns the new total. */
async function countEntry(zip: ZipFile, entry: Entry, totalBefore: number): Promise<number> {
  let total = totalBefore;
  let seen = 0;
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch {
    throw damaged();
  }
  try {
    for await (const chunk of stream) {
      seen += (chunk as Buffer).byteLength;
      total += (chunk as Buffer).byteLength;
      if (total > MAX_ZIP_UNCOMPRESSED_BYTES) throw tooLarge();
      if (isBomb(seen, entry.compressedSize)) throw bomb(entry.fileName);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof AppError) throw error;
    // yauzl stops an entry that yields more bytes than the archive states for it.
    if (error instanceof Error && /too many bytes/u.test(error.message)) {
      throw new AppError('PAYLOAD_TOO_LARGE', 'docx.partLarger', { values: { part: partName(entry.fileName) } });
    }
    throw damaged();
  }
  return total;
}

/** An entry's name as a refusal quotes it: the archive chooses it, so it is cut short. */
function partName(name: string): string {
  return name.length > 80 ? `${name.slice(0, 80)}…` : name;
}

function isBomb(inflated: number, compressed: number): boolean {
  return inflated > ZIP_RATIO_EXEMPT_BYTES && inflated > MAX_ZIP_ENTRY_RATIO * Math.max(compressed, 1);
}

function tooManyEntries(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', 'docx.tooManyFiles', { values: { max: MAX_ZIP_ENTRIES }, details: { limit: MAX_ZIP_ENTRIES } });
}

function tooLarge(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', 'docx.unpacksTooLarge', { values: { limit: sizeInBytes(MAX_ZIP_UNCOMPRESSED_BYTES) }, details: { limit: MAX_ZIP_UNCOMPRESSED_BYTES } });
}

function bomb(name: string): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', 'docx.zipBomb', { values: { part: partName(name), ratio: MAX_ZIP_ENTRY_RATIO }, details: { limit: MAX_ZIP_ENTRY_RATIO } });
}

function damaged(): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', 'docx.damagedZip');
}

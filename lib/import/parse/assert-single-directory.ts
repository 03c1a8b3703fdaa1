import 'server-only';

import { AppError } from '../../errors/app-error';

const END_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const END_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_SIZE = 46;

/**
 * Checks that the archive has one reading only: that the ZIP reader Word documents are read with
 * (JSZip, inside mammoth) finds exactly the `entryCount` central-directory records the archive
 * check reads (yauzl), no more. The two readers part ways on archives that lie about themselves —
 * JSZip takes the last end-of-directory signature anywhere, reads directory records until none
 * follows whatever count is declared, and shifts every offset when data precedes the directory's
 * stated place; yauzl reads the declared count at the stated offsets, and switches to ZIP64 on a
 * locator JSZip ignores — so an entry listed past the declared count would be inflated unchecked.
 * A real .docx has none of this, so any of it is refused: the end record must be the last and run
 * to the end of the file, the directory must end where it begins, hold exactly the declared
 * records and nothing else, and ZIP64 (never needed within the upload limit) is refused.
 * Throws UNSUPPORTED_MEDIA_TYPE.
 */
export function assertSingleDirectory(bytes: Uint8Array, entryCount: number): void {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = view.lastIndexOf(END_SIGNATURE);
  if (end < 0 || end + END_SIZE > view.length || end + END_SIZE + view.readUInt16LE(end + 20) !== view.length) throw ambiguous();
  const counts = [view.readUInt16LE(end + 4), view.readUInt16LE(end + 6), view.readUInt16LE(end + 8), view.readUInt16LE(end + 10)];
  const size = view.readUInt32LE(end + 12);
  const offset = view.readUInt32LE(end + 16);
  const hasZip64Locator = end >= ZIP64_LOCATOR_SIZE && view.readUInt32LE(end - ZIP64_LOCATOR_SIZE) === ZIP64_LOCATOR_SIGNATURE;
  if (hasZip64Locator || counts.includes(0xffff) || size === 0xffffffff || offset === 0xffffffff) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'docx.encrypted');
  }
  if (counts[3] !== entryCount || offset + size !== end) throw ambiguous();
  let cursor = offset;
  let records = 0;
  while (cursor + 4 <= end && view.readUInt32LE(cursor) === CENTRAL_SIGNATURE) {
    if (cursor + CENTRAL_SIZE > end) throw ambiguous();
    records += 1;
    cursor += CENTRAL_SIZE + view.readUInt16LE(cursor + 28) + view.readUInt16LE(cursor + 30) + view.readUInt16LE(cursor + 32);
  }
  if (records !== entryCount || cursor !== end) throw ambiguous();
}

function ambiguous(): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', 'docx.inconsistentZip');
}

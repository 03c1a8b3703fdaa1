import { crc32, deflateRawSync } from 'node:zlib';

/** How one entry of {@link makeZip} lies about itself, for tests of damaged archives and zip bombs. */
export interface ZipEntryOptions {
  /** The inflated size the headers state (default: the true one). */
  declaredSize?: number;
  /** Sets the "encrypted" flag (the data stays plain). */
  isEncrypted?: boolean;
}

/** A ZIP archive of the given files (deflated), as Word writes .docx files; for tests. */
export function makeZip(files: Record<string, string | Uint8Array>, options: Record<string, ZipEntryOptions> = {}): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const data = deflateRawSync(raw);
    const declaredSize = options[name]?.declaredSize ?? raw.length;
    const flags = options[name]?.isEncrypted ? 1 : 0;
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(raw), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(declaredSize, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    local.push(header, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(raw), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(declaredSize, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}

/**
 * A copy of an archive from {@link makeZip} whose end record declares `count` entries, though its
 * central directory lists them all: readers that trust the count see fewer entries than those that
 * read every record.
 */
export function withDeclaredEntryCount(archive: Uint8Array, count: number): Uint8Array {
  const patched = Buffer.from(archive);
  const end = patched.length - 22;
  patched.writeUInt16LE(count, end + 8);
  patched.writeUInt16LE(count, end + 10);
  return new Uint8Array(patched);
}

/** An entry of an archive as {@link readZip} reads it: name, compression method, extra field length and bytes. */
export interface ReadZipEntry {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  extraFieldLength: number;
  bytes: Buffer;
}

/** Every entry of a ZIP archive in the order it is stored (yauzl), for tests of archives the app writes. */
export async function readZip(archive: Uint8Array): Promise<ReadZipEntry[]> {
  const { fromBuffer } = await import('yauzl');
  return new Promise((resolve, reject) => {
    fromBuffer(Buffer.from(archive), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('No archive'));
      const entries: ReadZipEntry[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: import('yauzl').Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('No stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, method: entry.compressionMethod, extraFieldLength: entry.extraFieldLength, bytes: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

import { TMX_CHUNK_BYTES, TmxReader } from '@/lib/memory/tmx/tmx-reader';

/** A TMX file's languages as the import form offers them. */
export interface TmxLanguages {
  /** Primary subtags with the number of units that have each, most first. */
  languages: { language: string; units: number }[];
  /** The header's source language, when it names one. */
  headerSource: string | null;
  /** Translation units read. */
  units: number;
}

/**
 * Reads a TMX file in the browser with the importer's own reader, for its languages: the form
 * offers them as the pair to import, and a file the server would refuse (not TMX, a DTD, not
 * well-formed) is refused here already, with the same message. Throws the reader's AppError.
 */
export async function readTmxLanguages(file: Blob): Promise<TmxLanguages> {
  let units = 0;
  const reader = new TmxReader({ onUnit: () => (units += 1) });
  const stream = file.stream().getReader();
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    for (let offset = 0; offset < value.byteLength; offset += TMX_CHUNK_BYTES) reader.write(value.subarray(offset, offset + TMX_CHUNK_BYTES));
  }
  reader.end();
  const languages = [...reader.languages].map(([language, count]) => ({ language, units: count })).sort((a, b) => b.units - a.units || a.language.localeCompare(b.language));
  return { languages, headerSource: reader.headerSource, units };
}

import 'server-only';

import { alignDocuments, type AlignOptions, type Bead } from '../../align/core';
import { loadSeedLexicon } from '../../align/load-seed-lexicon';
import { extractText } from '../parse/extract-text';
import { prepareText, prepareVolume, type CleanupChoice, type PreparedText, type PreparedVolume } from '../prepare-text';
import { readUploadText, type UploadText } from '../read-upload-text';

/** An upload as a parse job receives it (copied into the worker). */
export interface ParseJobFile {
  name: string;
  bytes: Uint8Array;
}

/** The jobs a parse worker does: each one's input and what it answers. */
export interface ParseJobs {
  /** The text of an upload as the cleanup rules receive it (the import preview of a Word document). */
  read: { input: { file: ParseJobFile }; output: UploadText };
  /** An upload decoded, parsed, cleaned up and segmented, as one work. */
  prepare: { input: { file: ParseJobFile; language: string; cleanup?: CleanupChoice }; output: PreparedText };
  /** The same as a volume split by its table of contents; null when it has none. */
  'prepare-volume': { input: { file: ParseJobFile; language: string; cleanup?: CleanupChoice }; output: PreparedVolume | null };
  /** An existing translation's paragraphs of sentences aligned to a work's (lib/align/core). */
  align: { input: { source: string[][]; target: string[][]; options: Omit<AlignOptions, 'seedLexicon'> }; output: Bead[] };
}

export type ParseJobKind = keyof ParseJobs;

/** One job as posted to a worker. */
export type ParseJob = { [K in ParseJobKind]: { kind: K; input: ParseJobs[K]['input'] } }[ParseJobKind];

/**
 * Does one parse job (or aligns a translation, as long a computation on texts a user sent) in the calling thread — the body of the parse worker
 * (lib/import/worker/parse-worker.ts); servers go through `runParseJob`, which runs it off the
 * event loop. Throws the AppErrors of decoding, parsing and extraction.
 */
export async function doParseJob(job: ParseJob): Promise<ParseJobs[ParseJobKind]['output']> {
  if (job.kind === 'align') {
    // The worker reads the language pair's dictionaries itself, once (they cannot be posted to it).
    const { options } = job.input;
    return alignDocuments(job.input.source, job.input.target, { ...options, seedLexicon: loadSeedLexicon(options.sourceLanguage, options.targetLanguage) });
  }
  const { file } = job.input;
  const extractedText = await extractText(file);
  if (job.kind === 'read') return readUploadText({ bytes: file.bytes, filename: file.name, extractedText });
  const options = { bytes: file.bytes, filename: file.name, language: job.input.language, cleanup: job.input.cleanup, extractedText };
  return job.kind === 'prepare' ? prepareText(options) : prepareVolume(options);
}

import 'server-only';

import type { GlossaryContext } from './types';
import { MAX_GLOSSARY_LOOKUP_TEXTS } from '../config/limits';
import type { Db } from '../db/client';
import { findGlossaryHits } from '../glossary/find-glossary-hits';
import { stemTokens } from '../glossary/stem-tokens';

/** A text whose glossary context is wanted: its segment's source, and the target text to tokenize (null: none yet). */
export interface GlossaryRequest {
  /** Names the request in the answer (a segment may be asked about with several texts: two suggestions). */
  id: string;
  segmentId: string;
  source: string;
  target: string | null;
}

/**
 * The glossary terms found in each request's source (with their preferred, admitted and
 * forbidden translations and the stems of those) and the target text's stemmed tokens, for the
 * glossary check (lib/checks/rules/glossary.ts). The glossary module recognises the terms in
 * inflected forms with PostgreSQL's stemming (`findGlossaryHits`) and stems the targets the same
 * way (`stemTokens`): each distinct source and target once, a batch of
 * {@link MAX_GLOSSARY_LOOKUP_TEXTS} texts per query.
 */
export async function loadGlossaryContext(db: Db, { collectionId, sourceLanguage, language, requests }: { collectionId: string; sourceLanguage: string; language: string; requests: readonly GlossaryRequest[] }): Promise<Map<string, GlossaryContext>> {
  const sources = [...new Set(requests.map((request) => request.source).filter((text) => text.trim() !== ''))];
  const hitsBySource = new Map<string, GlossaryContext['hits']>();
  for (const batch of batches(sources)) {
    const found = await findGlossaryHits(db, { collectionId, sourceLanguage, targetLanguage: language, texts: batch });
    batch.forEach((text, index) => {
      const hits = found[index] ?? [];
      if (hits.length > 0) hitsBySource.set(text, hits.map((hit) => ({ termId: hit.termId, term: hit.term, start: hit.start, end: hit.end, translations: hit.translations.map((translation) => ({ text: translation.text, status: translation.status, stems: translation.stems })) })));
    });
  }
  // Targets are stemmed only where a term stands in the source: a check with no term reads none.
  const targets = [...new Set(requests.filter((request) => hitsBySource.has(request.source) && request.target).map((request) => request.target ?? ''))];
  const tokensByTarget = new Map<string, GlossaryContext['targetTokens']>();
  for (const batch of batches(targets)) {
    const tokens = await stemTokens(db, language, batch);
    batch.forEach((text, index) => tokensByTarget.set(text, tokens[index] ?? []));
  }
  return new Map(
    requests.map((request) => [
      request.id,
      { hits: hitsBySource.get(request.source) ?? [], targetTokens: request.target === null ? [] : (tokensByTarget.get(request.target) ?? []), targetText: request.target },
    ]),
  );
}

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += MAX_GLOSSARY_LOOKUP_TEXTS) out.push(items.slice(start, start + MAX_GLOSSARY_LOOKUP_TEXTS));
  return out;
}

import type { GlossaryDecision, GlossaryTermInput, GlossaryTranslationInput } from '@/lib/glossary/schemas';
import type { GlossaryEntry, GlossaryImportSummary } from '@/lib/glossary/types';

import { apiRequest, postForm, postJson, type ApiResult } from '../http/api-request';

const base = (collectionId: string) => `/api/collections/${encodeURIComponent(collectionId)}/glossary`;

/** A term to write for a language pair. */
export type GlossaryTermDraft = GlossaryTermInput & { source: string; target: string };

/** An editor adds a term (approved at once). */
export function createTerm(collectionId: string, term: GlossaryTermDraft): Promise<ApiResult<GlossaryEntry>> {
  return postJson<GlossaryEntry>(`${base(collectionId)}/terms`, term);
}

/** A volunteer proposes a term, for an editor to decide on. */
export function proposeTerm(collectionId: string, term: GlossaryTermDraft): Promise<ApiResult<GlossaryEntry>> {
  return postJson<GlossaryEntry>(`${base(collectionId)}/proposals`, term);
}

/** An editor changes a term (its translations become those given). */
export function updateTerm(collectionId: string, termId: string, term: GlossaryTermInput): Promise<ApiResult<GlossaryEntry>> {
  return apiRequest<GlossaryEntry>(`${base(collectionId)}/terms/${encodeURIComponent(termId)}`, { method: 'PATCH', json: term });
}

/** An editor deletes a term. */
export function deleteTerm(collectionId: string, termId: string): Promise<ApiResult<null>> {
  return apiRequest<null>(`${base(collectionId)}/terms/${encodeURIComponent(termId)}`, { method: 'DELETE' });
}

/** A volunteer proposes another translation of an approved term. */
export function proposeTranslation(collectionId: string, termId: string, translation: GlossaryTranslationInput): Promise<ApiResult<{ id: string }>> {
  return postJson<{ id: string }>(`${base(collectionId)}/terms/${encodeURIComponent(termId)}/translations`, translation);
}

/** An editor's decision on a proposal. */
export function decideProposal(collectionId: string, decision: Omit<GlossaryDecision, 'collectionId'>): Promise<ApiResult<{ state: string }>> {
  return postJson<{ state: string }>(`${base(collectionId)}/decisions`, decision);
}

/** Imports a TBX or CSV file (the form's `file`, `source`, `target`) into the collection's glossary. */
export function importGlossary(collectionId: string, form: FormData): Promise<ApiResult<GlossaryImportSummary>> {
  return postForm<GlossaryImportSummary>(`${base(collectionId)}/import`, form);
}

/** Where a pair of the glossary is downloaded (a plain link: the browser saves it). */
export function glossaryDownloadHref(collectionId: string, source: string, target: string, format: 'tbx' | 'csv'): string {
  return `${base(collectionId)}/export?${new URLSearchParams({ source, target, format }).toString()}`;
}

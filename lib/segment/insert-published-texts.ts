import 'server-only';

import { emphasisToPairs, type EmphasisSpan } from './emphasis';
import type { Prisma } from '../db/client';
import { uuidv7Batch } from '../db/uuid';

export interface InsertPublishedTextsOptions {
  tx: Prisma.TransactionClient;
  language: string;
  /** Texts to publish; `alignScore` records the aligner's confidence when the text was aligned; `emphasis` the text's emphasised stretches. */
  items: readonly { segmentId: string; text: string; alignScore?: number | null; emphasis?: readonly EmphasisSpan[] }[];
  authorId: string | null;
  origin: 'IMPORT' | 'ALIGN';
}

/**
 * Bulk-creates the texts of segments in one language that have none yet, each published with a
 * first revision. Texts and revisions reference each other, so both are written by one statement
 * (PostgreSQL checks foreign keys at the end of a statement). Hot path of imports.
 */
export async function insertPublishedTexts({ tx, language, items, authorId, origin }: InsertPublishedTextsOptions): Promise<void> {
  if (items.length === 0) return;
  await tx.$executeRawUnsafe(
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $8::real[], $9::text[]) AS t(text_id, revision_id, segment_id, text, align_score, emphasis)
     ), texts AS (
       INSERT INTO segment_text (id, segment_id, language, status, published_revision_id, align_score)
       SELECT text_id, segment_id, $5, 'APPROVED'::"TextStatus", revision_id, align_score FROM input
     )
     INSERT INTO revision (id, segment_text_id, text, origin, author_id, emphasis)
     SELECT revision_id, text_id, text, $7::"RevisionOrigin", $6::uuid, emphasis::int4[] FROM input`,
    uuidv7Batch(items.length),
    uuidv7Batch(items.length),
    items.map((item) => item.segmentId),
    items.map((item) => item.text),
    language,
    authorId,
    origin,
    items.map((item) => item.alignScore ?? null),
    // One array per row: unnest cannot take an array of arrays, so each goes as its literal ('{4,9}').
    items.map((item) => `{${emphasisToPairs(item.emphasis ?? []).join(',')}}`),
  );
}

import { MAX_TMX_BYTES, MEMORY_IMPORT_CONCURRENCY, UPLOAD_FORM_OVERHEAD_BYTES } from '@/lib/config/limits';
import { defineRoute } from '@/lib/http/route';
import { getCollectionMemory } from '@/lib/memory/get-collection-memory';
import { importMemoryTmx } from '@/lib/memory/import-memory-tmx';
import { collectionMemoryQuerySchema, memoryImportFormSchema } from '@/lib/memory/schemas';

/** A collection's translation memory by language pair, and the files imported into it. */
export const GET = defineRoute({
  permission: 'memory.export',
  input: collectionMemoryQuerySchema,
  handler: async ({ actor, input }) => Response.json(await getCollectionMemory({ actor, collectionId: input.collectionId })),
});

/**
 * Imports a TMX file (multipart: the file and the source and target languages chosen among its
 * own) into the collection's memory; a file of the same name replaces its earlier import. One
 * import per account at a time, two in all ({@link MEMORY_IMPORT_CONCURRENCY}).
 */
export const POST = defineRoute({
  permission: 'memory.import',
  input: memoryImportFormSchema,
  maxBodyBytes: MAX_TMX_BYTES + UPLOAD_FORM_OVERHEAD_BYTES,
  accepts: 'multipart',
  concurrency: MEMORY_IMPORT_CONCURRENCY,
  handler: async ({ actor, input }) => {
    const summary = await importMemoryTmx({ actor, collectionId: input.collectionId, file: input.file, sourceLanguage: input.source, targetLanguage: input.target });
    return Response.json(summary, { status: 201 });
  },
});

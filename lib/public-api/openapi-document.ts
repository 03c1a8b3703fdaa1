import { z } from 'zod';

import {
  apiSchemas, collectionInput, collectionListSchema, collectionSchema, listCollectionsInput, listSegmentsInput, listVolumesInput, listWorksInput,
  permalinkSchema, segmentInput, segmentListSchema, volumeInput, volumeListSchema, volumeSchema, workInput, workListSchema, workSchema,
} from './schemas';
import { PUBLIC_API_RATE_LIMIT } from '../config/limits';

/** One endpoint of the public API, as documented (and listed on the reference page). */
export interface ApiEndpoint {
  path: string;
  operationId: string;
  summary: string;
  description: string;
  input: z.ZodType;
  /** The component schema of a 200 answer (null: the OpenAPI document itself). */
  response: z.ZodType | null;
}

export const API_ENDPOINTS: readonly ApiEndpoint[] = [
  { path: '/api/v1/collections', operationId: 'listCollections', summary: 'List collections', description: 'The library’s collections, in the order they were made.', input: listCollectionsInput, response: collectionListSchema },
  { path: '/api/v1/collections/{collectionId}', operationId: 'getCollection', summary: 'Get a collection', description: 'One collection with its counts of volumes and works.', input: collectionInput, response: collectionSchema },
  { path: '/api/v1/volumes', operationId: 'listVolumes', summary: 'List volumes', description: 'Volumes in the order they were imported, each with its number of works (listed by the volume itself).', input: listVolumesInput, response: volumeListSchema },
  { path: '/api/v1/volumes/{volumeId}', operationId: 'getVolume', summary: 'Get a volume', description: 'One volume with its works, front and back matter in printed order.', input: volumeInput, response: volumeSchema },
  { path: '/api/v1/works', operationId: 'listWorks', summary: 'List works', description: 'Works with their languages, provenance and progress: of one volume in printed order, else in the order they were imported.', input: listWorksInput, response: workListSchema },
  { path: '/api/v1/works/{workId}', operationId: 'getWork', summary: 'Get a work', description: 'One work: metadata, languages with provenance and progress, and its place in its volume.', input: workInput, response: workSchema },
  { path: '/api/v1/works/{workId}/segments', operationId: 'listSegments', summary: 'List a work’s segments', description: 'Segments in reading order with their published texts (the original and its translations), from the start, a cursor or a printed page.', input: listSegmentsInput, response: segmentListSchema },
  { path: '/api/v1/segments/{segmentId}', operationId: 'getSegment', summary: 'Get a segment by permalink', description: 'A segment with its published texts in every language of its work; a segment merged into another leads to the one that replaced it.', input: segmentInput, response: permalinkSchema },
  { path: '/api/v1/openapi.json', operationId: 'getOpenApiDocument', summary: 'This document', description: 'The OpenAPI 3.1 description of the public API.', input: z.object({}), response: null },
];

const SCHEMA_REF = (name: string) => `#/components/schemas/${name}`;

/** The name `schema` is registered under in the components. */
function componentName(schema: z.ZodType): string {
  const meta = apiSchemas.get(schema);
  if (!meta) throw new Error('Every response schema of the public API is registered in apiSchemas.');
  return meta.id;
}

type JsonObject = Record<string, unknown>;

/** Query and path parameters of an endpoint, from its input schema. */
export function parametersOf(endpoint: ApiEndpoint): JsonObject[] {
  const schema = z.toJSONSchema(endpoint.input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonObject>; required?: string[] };
  const inPath = new Set([...endpoint.path.matchAll(/\{(\w+)\}/gu)].map((match) => match[1]));
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: inPath.has(name) ? 'path' : 'query',
      required: inPath.has(name) || (schema.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

const rateLimitHeaders = {
  'RateLimit-Limit': { description: 'Requests allowed per window to one address.', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Requests left in the current window.', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the window starts again.', schema: { type: 'integer' } },
};

const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: SCHEMA_REF('Error') } } } });

/** The OpenAPI 3.1 document of the public read API, served at /api/v1/openapi.json. */
export function buildOpenApiDocument(): JsonObject {
  const components = z.toJSONSchema(apiSchemas, { uri: SCHEMA_REF, target: 'draft-2020-12', io: 'output' }).schemas as Record<string, JsonObject>;
  for (const schema of Object.values(components)) {
    delete schema.$schema;
    delete schema.$id;
  }
  const paths: JsonObject = {};
  for (const endpoint of API_ENDPOINTS) {
    const success = endpoint.response === null ? { type: 'object' } : { $ref: SCHEMA_REF(componentName(endpoint.response)) };
    paths[endpoint.path] = {
      get: {
        operationId: endpoint.operationId,
        summary: endpoint.summary,
        description: endpoint.description,
        parameters: parametersOf(endpoint),
        responses: {
          200: {
            description: 'OK',
            headers: { ETag: { description: 'Send it back in If-None-Match to get 304 while nothing changed.', schema: { type: 'string' } }, ...rateLimitHeaders },
            content: { 'application/json': { schema: success } },
          },
          304: { description: 'Not modified since the ETag sent in If-None-Match.' },
          404: errorAnswer('No such resource.'),
          422: errorAnswer('A parameter is not valid (the message says which).'),
          429: { ...errorAnswer(`More than ${PUBLIC_API_RATE_LIMIT.points} requests a minute from one address; Retry-After says when to try again.`), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
          503: errorAnswer('The library’s database is not answering; Retry-After says when to try again.'),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Interlinear public read API',
      version: '1.0.0',
      description:
        'Read the library: collections, volumes, works with their languages and progress, and segments with their published texts. ' +
        'Answers are the same for everyone (no session is read), readable from any site (CORS), with ETags for revalidation. ' +
        `Each address may make ${PUBLIC_API_RATE_LIMIT.points} requests a minute. Lists are paged with opaque cursors. Writing goes through the site with an account.`,
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: components },
  };
}

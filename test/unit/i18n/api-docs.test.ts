import { describe, expect, it } from 'vitest';

import en from '../../../lib/i18n/messages/en.json';
import { API_ENDPOINTS, parametersOf } from '../../../lib/public-api/openapi-document';

describe('the API reference page in the catalogues (apiDocs.endpoints)', () => {
  it('says in English what the OpenAPI document says, for every endpoint and described parameter', () => {
    const fromTable = Object.fromEntries(
      API_ENDPOINTS.map((endpoint) => {
        const described = parametersOf(endpoint).flatMap((parameter) => (typeof parameter.description === 'string' ? [[String(parameter.name), parameter.description] as const] : []));
        return [endpoint.operationId, { summary: endpoint.summary, description: endpoint.description, ...(described.length > 0 ? { parameters: Object.fromEntries(described) } : {}) }];
      }),
    );
    expect(en.apiDocs.endpoints).toEqual(fromTable);
  });
});

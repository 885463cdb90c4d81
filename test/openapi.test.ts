import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

type Method = 'get' | 'post' | 'patch';

/** The contract's paths and methods that exist so far. */
const CONTRACT: [path: string, methods: Method[]][] = [
  ['/api/v1/auth/local/token', ['post']],
  ['/api/v1/me', ['get']],
  ['/api/v1/services', ['post']],
  ['/api/v1/staff', ['post']],
  ['/api/v1/channels', ['post']],
  ['/api/v1/areas', ['post']],
  ['/api/v1/topics', ['post']],
  ['/api/v1/messages', ['post', 'get']],
  ['/api/v1/messages/{id}', ['get', 'patch']],
  ['/api/v1/messages/{id}/submit', ['post']],
  ['/api/v1/messages/{id}/approve', ['post']],
  ['/api/v1/messages/{id}/request-changes', ['post']],
  ['/api/v1/messages/{id}/cancel', ['post']],
  ['/api/v1/subscribers/import', ['post']],
  ['/api/v1/privacy/subject-access', ['post']],
  ['/api/v1/privacy/erasure', ['post']],
  ['/api/v1/audit/events', ['get']],
  ['/health/live', ['get']],
  ['/health/ready', ['get']],
];

/** Follows a local `#/components/schemas/...` reference, or returns the schema itself. */
function resolveSchema(
  doc: OpenAPIV3.Document,
  schema: OpenAPIV3.ReferenceObject | OpenAPIV3.SchemaObject | undefined,
): OpenAPIV3.SchemaObject {
  if (!schema) throw new Error('no schema');
  if (!('$ref' in schema)) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return resolveSchema(doc, doc.components?.schemas?.[name]);
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenAPIV3.Document;

  beforeAll(async () => {
    t = await startTestApp('openapi');
    const response = await t.http.get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    doc = response.body as OpenAPIV3.Document;
  });
  afterAll(() => t.close());

  it('is served without a token and is valid OpenAPI 3', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    // validate() dereferences in place, so it gets a copy.
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeDefined();
  });

  it.each(CONTRACT)('documents %s %j', (path, methods) => {
    const item = doc.paths[path];
    expect(item, `path ${path}`).toBeDefined();
    for (const method of methods) {
      expect(item?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
  });

  it('describes the message create body with the contract fields', () => {
    const operation = doc.paths['/api/v1/messages']?.post;
    const requestBody = operation?.requestBody as OpenAPIV3.RequestBodyObject | undefined;
    const schema = resolveSchema(doc, requestBody?.content['application/json']?.schema);
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['channelId', 'content', 'audience', 'priority', 'sendAt']),
    );
    expect(schema.required ?? []).toEqual(
      expect.arrayContaining(['channelId', 'content', 'audience']),
    );
  });

  it('shows the document as HTML at /api/docs', async () => {
    const response = await t.http.get('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toMatch(/<html/i);
  });
});

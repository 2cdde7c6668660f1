import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform } from '../../test/harness.js';

interface MediaType {
  schema?: Record<string, unknown>;
}
interface Response {
  description?: string;
  content?: Record<string, MediaType>;
}
interface OpenApi {
  paths: Record<string, Record<string, { responses?: Record<string, Response> }>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/**
 * What is wrong with the success answers of one operation: a route without `response` is
 * documented as a bare "Default Response" 200, with no content; a 204 has no body to describe.
 */
export function undescribedAnswers(doc: OpenApi): string[] {
  const problems: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const responses = Object.entries(operation.responses ?? {});
      if (!responses.some(([status]) => /^[23]/.test(status))) problems.push(`${name}: no success answer`);
      for (const [status, response] of responses) {
        if (!/^2/.test(status)) continue;
        if (status === '204') {
          if (response.content) problems.push(`${name} ${status}: a 204 has no body`);
          continue;
        }
        const media = Object.entries(response.content ?? {});
        if (media.length === 0) problems.push(`${name} ${status}: no schema`);
        for (const [type, { schema }] of media) {
          if (!schema || Object.keys(schema).length === 0)
            problems.push(`${name} ${status} ${type}: no schema`);
        }
      }
    }
  }
  return problems;
}

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform.close());

describe('the OpenAPI document describes every answer', () => {
  it('every success answer of every operation has a schema', async () => {
    const doc = (await platform.anonymous().get('/api/openapi.json')).body as OpenApi;
    expect(Object.keys(doc.paths).length).toBeGreaterThan(30);
    expect(undescribedAnswers(doc)).toEqual([]);
  });

  it('a route without a response schema is caught', () => {
    const doc: OpenApi = {
      paths: {
        '/a': { get: { responses: { 200: { description: 'Default Response' } } } },
        '/b': { post: { responses: { 201: { content: { 'application/json': { schema: {} } } } } } },
        '/c': { delete: { responses: { 204: { description: 'Gone' } } } },
      },
    };
    expect(undescribedAnswers(doc)).toEqual([
      'GET /a 200: no schema',
      'POST /b 201 application/json: no schema',
    ]);
  });
});

import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform } from '../../test/harness.js';
import { generateArtefacts } from '../../test/artefacts.js';
import { ERROR_CATALOGUE } from './errors.js';
import { FIELD_MESSAGES } from '../contract/field-messages.js';
import { requireDeclaredPermissions } from '../identity/authentication.js';
import { LANGUAGES, languageFromHeader } from '../contract/language.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform.close());

describe('the platform answers', () => {
  it('GET /health and GET /ready', async () => {
    const client = platform.anonymous();
    expect((await client.get('/health')).body).toEqual({ status: 'ok' });
    expect((await client.get('/ready')).body).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document and its reference page', async () => {
    const client = platform.anonymous();
    const doc = await client.get('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/dossiers', '/api/v1/dossiers/{id}/submit', '/api/v1/session']),
    );
    const page = await fetch(`${platform.url}/api/docs`, { redirect: 'follow' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });

  it('asks for sign-in with a problem+json in the caller language, and unknown routes are 404', async () => {
    const res = await platform.anonymous('de').get('/api/v1/dossiers');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      type: '/api/problems/unauthenticated',
      status: 401,
      title: ERROR_CATALOGUE.unauthenticated.title.de,
    });
    const problem = await platform.anonymous().get('/api/problems/unauthenticated');
    expect(problem.body.status).toBe(401);
    expect((await platform.anonymous().get('/api/v1/nothing-here')).status).toBe(404);
    // A property every object has is not a problem type (the fuzzer found `constructor` gave 500).
    for (const code of ['constructor', '__proto__', 'toString'])
      expect((await platform.anonymous().get(`/api/problems/${code}`)).status, code).toBe(404);
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const client = platform.anonymous('nl');
    const wrong = await client.post('/api/v1/session', { username: 'employer', password: 'guess' });
    const unknown = await client.post('/api/v1/session', { username: 'nobody', password: 'guess' });
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.title).toBe(ERROR_CATALOGUE.invalid_credentials.title.nl);
  });

  it('signs in, says who is signed in, and signs out', async () => {
    const client = await platform.login('flanders');
    const me = await client.get('/api/v1/session');
    expect(me.body).toMatchObject({
      user: { username: 'flanders' },
      organisation: { kind: 'regional_authority' },
      csrfToken: expect.any(String),
    });
    expect((await client.delete('/api/v1/session')).status).toBe(204);
    expect((await client.get('/api/v1/session')).status).toBe(401);
  });

  it('never lets internal details reach the client', async () => {
    const client = await platform.login('employer');
    const res = await client.request('POST', '/api/v1/dossiers', '{not json', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|at \/|node_modules|SELECT/i);
  });
});

describe('every route declares who may call it', () => {
  it('refuses to start when a route forgets', async () => {
    const app = Fastify();
    requireDeclaredPermissions(app, []);
    expect(() => app.get('/forgotten', async () => Promise.resolve('x'))).toThrow(
      /does not declare its permission/,
    );
    await app.close();
  });
});

describe('four languages everywhere', () => {
  it('every error and field message exists, non-empty and distinct, in nl, fr, de and en', () => {
    for (const entry of [
      ...Object.values(ERROR_CATALOGUE).map((e) => e.title),
      ...Object.values(FIELD_MESSAGES),
    ]) {
      for (const language of LANGUAGES) expect(entry[language].trim().length).toBeGreaterThan(3);
      expect(new Set(LANGUAGES.map((l) => entry[l])).size).toBe(4);
    }
  });

  it('follows Accept-Language with its weights', () => {
    expect(languageFromHeader('de-BE,de;q=0.9,en;q=0.5')).toBe('de');
    expect(languageFromHeader('es-ES, fr;q=0.3, nl;q=0.8')).toBe('nl');
    expect(languageFromHeader('zh')).toBe('en');
  });
});

describe('generated artefacts are committed as generated', () => {
  it('database types and the OpenAPI document match `npm run generate`', async () => {
    const artefacts = await generateArtefacts();
    for (const [path, text] of Object.entries(artefacts)) {
      expect(
        readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'),
        `${path} is stale: run npm run generate`,
      ).toBe(text);
    }
  });
});

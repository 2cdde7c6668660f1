import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_ROOT } from '../app.js';
import { DEMO_PDF } from '../demo/fixtures.js';
import { filedSinglePermit } from '../../test/scenarios.js';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { ERROR_CATALOGUE } from './errors.js';

let platform: TestPlatform;
let employer: Client;
let flanders: Client;

beforeAll(async () => {
  // The portal's own files are part of what is checked: `npm test` builds them first.
  if (!existsSync(`${WEB_ROOT}index.html`)) throw new Error('web/dist is missing: run npm run build:web');
  platform = await startPlatform();
  employer = await platform.login('employer', 'fr');
  flanders = await platform.login('flanders', 'nl');
});
afterAll(async () => {
  await platform.close();
});

const NUL = 'Jan\u0000Janssens';
const LONE_SURROGATE = 'Jan\uD800Janssens';

function expectProblem(
  res: { status: number; body: unknown; headers: Headers },
  code: keyof typeof ERROR_CATALOGUE,
  language: 'nl' | 'fr' | 'de' | 'en',
) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.status).toBe(ERROR_CATALOGUE[code].status);
  expect(res.body).toMatchObject({ code, title: ERROR_CATALOGUE[code].title[language] });
}

async function draft(): Promise<string> {
  const res = await employer.post('/api/v1/dossiers', {
    procedure: 'single_permit',
    category: 'single_permit',
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** A raw request with the employer's session: the harness's client only sends JSON or FormData. */
async function session(): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${platform.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'employer', password: 'demo' }),
  });
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: body.csrfToken };
}

async function raw(path: string, init: RequestInit & { headers?: Record<string, string> }) {
  const res = await fetch(`${platform.url}${path}`, init);
  const text = await res.text();
  const body: unknown = res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  return { status: res.status, body, headers: res.headers };
}

/** What a client that speaks HTTP by hand sends: the status line and headers as they come back. */
function rawHttp(request: string): Promise<string> {
  const { hostname, port } = new URL(platform.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(request);
    });
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('utf8');
    });
    socket.on('close', () => {
      resolve(answer);
    });
    socket.on('error', (error) => {
      if (answer) resolve(answer);
      else reject(error);
    });
  });
}

describe('no text with a NUL or a lone surrogate reaches a use case', () => {
  for (const [what, bad] of [
    ['a NUL', NUL],
    ['a lone surrogate', LONE_SURROGATE],
  ] as const) {
    it(`refuses ${what} in a section field, in the caller's language, and changes nothing`, async () => {
      const id = await draft();
      const res = await employer.patch(`/api/v1/dossiers/${id}`, { identity: { givenNames: bad } });
      expectProblem(res, 'validation_failed', 'fr');
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'identity.givenNames', code: 'invalid_format' }),
      ]);
      const after = await employer.get(`/api/v1/dossiers/${id}`);
      expect(after.body.sections?.identity?.givenNames ?? after.body.identity?.givenNames).toBeUndefined();
    });

    it(`refuses ${what} in the login name`, async () => {
      const res = await platform
        .anonymous('de')
        .post('/api/v1/session', { username: `emp${bad}`, password: 'demo' });
      expectProblem(res, 'validation_failed', 'de');
    });
  }

  it('refuses a NUL in the grounds of a decision, and no decision is taken', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    expect(
      (await flanders.post(`/api/v1/dossiers/${id}/admissibility`, { outcome: 'admissible' })).status,
    ).toBe(200);
    for (const grounds of [NUL, LONE_SURROGATE]) {
      const res = await flanders.post(`/api/v1/dossiers/${id}/decisions`, {
        kind: 'work',
        outcome: 'refused',
        grounds,
      });
      expectProblem(res, 'validation_failed', 'nl');
    }
    const after = await flanders.get(`/api/v1/dossiers/${id}`);
    expect(after.body.state).toBe('admissible');
    expect(JSON.stringify(after.body.decisions)).not.toContain('refused');
  });

  it('refuses a NUL in X-Purpose (percent-encoded, as the header is read) and logs no read', async () => {
    const id = await draft();
    const count = async () =>
      (
        await platform.deps.db
          .selectFrom('access_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const res = await employer.request('GET', `/api/v1/dossiers/${id}`, undefined, {
      'x-purpose': 'check%00it',
    });
    expectProblem(res, 'validation_failed', 'fr');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'headers.x-purpose' })]);
    expect(await count()).toBe(before);
  });
});

describe('a request too large or broken is a 4xx problem', () => {
  it('answers 413 to a JSON body over 1 MiB', async () => {
    const res = await employer.post('/api/v1/dossiers', {
      procedure: 'single_permit',
      category: 'single_permit',
      identity: { givenNames: 'x'.repeat(1024 * 1024 + 1) },
    });
    expectProblem(res, 'request_too_large', 'fr');
  });

  it('answers 400 to multipart without a boundary, truncated, with too many fields or files', async () => {
    const id = await draft();
    const { cookie, csrf } = await session();
    const path = `/api/v1/dossiers/${id}/documents`;
    const send = (contentType: string, body: string) =>
      raw(path, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': contentType, 'accept-language': 'en' },
        body,
      });
    const b = 'XyZ';
    const field = (name: string, value: string) =>
      `--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const file = (name: string) =>
      `--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="a.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n${DEMO_PDF.toString('latin1')}\r\n`;
    const cases = {
      'no boundary': await send('multipart/form-data', field('type', 'passport')),
      truncated: await send(
        `multipart/form-data; boundary=${b}`,
        `${field('type', 'passport')}--${b}\r\nContent-Disp`,
      ),
      'too many fields': await send(
        `multipart/form-data; boundary=${b}`,
        [1, 2, 3, 4, 5, 6, 7].map((i) => field(`f${i}`, 'x')).join('') + file('file') + `--${b}--\r\n`,
      ),
      'two files': await send(
        `multipart/form-data; boundary=${b}`,
        field('type', 'passport') + file('file') + file('file2') + `--${b}--\r\n`,
      ),
    };
    for (const [what, res] of Object.entries(cases)) {
      expect(res.status, what).toBe(400);
      expect(res.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
      expect((res.body as { code: string }).code, what).toBe('request_malformed');
    }
    const after = await employer.get(`/api/v1/dossiers/${id}`);
    expect(after.body.documents).toEqual([]);
  });

  it('never serves a file outside the portal build', async () => {
    for (const path of [
      '/assets/..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/assets/..%5c..%5cpackage.json',
    ]) {
      const res = await raw(path, { headers: { 'accept-language': 'nl' } });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(res.body)).not.toContain('single-window');
    }
  });

  it('answers 431 to headers too large as a problem, in the language it could read', async () => {
    const answer = await rawHttp(
      `GET /health HTTP/1.1\r\nHost: x\r\nAccept-Language: de\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { code: string; title: string };
    expect(body.code).toBe('request_headers_too_large');
    expect(body.title).toBe(ERROR_CATALOGUE.request_headers_too_large.title.de);
  });

  it('answers 414 to an address too long as a problem', async () => {
    const res = await employer.get(`/api/v1/dossiers?cursor=${'a'.repeat(5000)}`);
    expectProblem(res, 'request_uri_too_long', 'fr');
    const spa = await employer.get(`/dossiers/${'a'.repeat(5000)}`);
    expectProblem(spa, 'request_uri_too_long', 'fr');
  });

  it('answers a URL it cannot decode as a problem', async () => {
    const res = await employer.get('/api/v1/dossiers/%zz');
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('security headers', () => {
  it('sends nosniff and a closed policy on API answers, problems and downloads', async () => {
    const id = await draft();
    const uploaded = await employer.upload(id, 'passport', DEMO_PDF);
    expect(uploaded.status).toBe(201);
    const documentId = (uploaded.body.documents as { id: string }[])[0]?.id ?? '';
    const answers = [
      await employer.get(`/api/v1/dossiers/${id}`),
      await platform.anonymous().get('/api/v1/dossiers'),
      await platform.anonymous().get('/health'),
      await employer.download(`/api/v1/dossiers/${id}/documents/${documentId}`),
    ];
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    // A dossier's JSON is kept by no cache; the download keeps its own policy.
    expect(answers[0]?.headers.get('cache-control')).toBe('no-store');
    expect(answers[3]?.headers.get('cache-control')).toContain('no-store');
  });

  it('asks the browser to drop its cache of the session at sign-out', async () => {
    const leaving = await platform.login('employer');
    const res = await leaving.request('DELETE', '/api/v1/session');
    expect(res.status).toBe(204);
    expect(res.headers.get('clear-site-data')).toBe('"cache"');
  });

  it('sends a strict policy that forbids framing on the API reference', async () => {
    for (const path of ['/api/docs', '/api/docs/']) {
      const res = await raw(path, {});
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('sends the portal policy on the page and its routes', async () => {
    for (const path of ['/', '/index.html', '/dossiers/123', '/fr/anything']) {
      const res = await raw(path, {});
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    const page = (await raw('/', {})).body as string;
    const asset = /\/assets\/[\w.-]+\.js/.exec(page)?.[0];
    if (asset) {
      const res = await raw(asset, {});
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('sends HSTS in production only', async () => {
    const production = await startPlatform({ production: true });
    try {
      const res = await production.anonymous().get('/health');
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      const problem = await production.anonymous().get('/api/v1/dossiers');
      expect(problem.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await production.close();
    }
  });
});

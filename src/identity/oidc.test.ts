import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOidcProvider, type FakeOidcProvider } from '../../test/fake-oidc.js';
import { startPlatform, type TestPlatform } from '../../test/harness.js';
import { totpCode } from './totp.js';

// The second factor is required here, as in production: an authority account without one signs
// in through the provider first, and enrols from that session.
let platform: TestPlatform;
let provider: FakeOidcProvider;
beforeAll(async () => {
  provider = await startFakeOidcProvider(() => platform.clock.now());
  platform = await startPlatform({
    secondFactor: 'required',
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUri: 'http://127.0.0.1/api/v1/session/oidc/callback',
    },
  });
  for (const [username, subject] of [
    ['flanders', 'fas-subject-flanders'],
    ['employer', 'fas-subject-employer'],
  ] as const) {
    await platform.deps.db
      .updateTable('app_user')
      .set({ external_subject: subject })
      .where('username', '=', username)
      .execute();
  }
});
afterAll(async () => {
  await platform.close();
  await provider.close();
});

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

/** The browser's round trip: platform → provider → platform callback. */
async function viaProvider(subject: string, options: { sessionCookie?: string; flowCookie?: string } = {}) {
  provider.nextSubject = subject;
  const start = await fetch(`${platform.url}/api/v1/session/oidc`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location') ?? '');
  const flowCookie = options.flowCookie ?? cookieOf(start, 'sw_oidc') ?? '';
  const atProvider = await fetch(authorize, { redirect: 'manual' });
  expect(atProvider.status).toBe(302);
  const back = new URL(atProvider.headers.get('location') ?? '');
  const callback = await fetch(`${platform.url}/api/v1/session/oidc/callback${back.search}`, {
    redirect: 'manual',
    headers: { cookie: [flowCookie, options.sessionCookie].filter(Boolean).join('; ') },
  });
  return { authorize, back, callback, session: cookieOf(callback, 'sw_session') };
}

describe('sign-in through the external OpenID Connect provider', () => {
  it('redirects with state, nonce and PKCE, verifies the ID token and opens a session', async () => {
    const { authorize, callback, session } = await viaProvider('fas-subject-employer');
    expect(authorize.origin).toBe(provider.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: provider.clientId,
      scope: 'openid',
      code_challenge_method: 'S256',
      state: expect.stringMatching(/.{40,}/),
      nonce: expect.stringMatching(/.{40,}/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/');
    expect(session).toBeDefined();
    const client = platform.anonymous();
    await client.adoptSession(session ?? '');
    expect((await client.get('/api/v1/session')).body).toMatchObject({
      user: { username: 'employer' },
      organisation: { kind: 'employer' },
    });
    const login = await platform.deps.db
      .selectFrom('audit_trail')
      .select(['actor_user_id', 'details'])
      .where('kind', '=', 'login')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(login).toEqual({
      actor_user_id: platform.directory.users.employer,
      details: { method: 'oidc', secondFactor: false },
    });
  });

  it('refuses a subject that is nobody on the platform', async () => {
    const { callback, session } = await viaProvider('fas-subject-unknown');
    expect(callback.status).toBe(401);
    expect(((await callback.json()) as { code: string }).code).toBe('invalid_credentials');
    expect(session).toBeUndefined();
  });

  it.each(['audience', 'nonce', 'expired', 'foreign_key', 'issuer'] as const)(
    'refuses an ID token with a wrong %s',
    async (tamper) => {
      provider.tamper = tamper;
      try {
        const { callback, session } = await viaProvider('fas-subject-employer');
        expect(callback.status).toBe(401);
        expect(session).toBeUndefined();
      } finally {
        provider.tamper = undefined;
      }
    },
  );

  it('refuses a state used twice, and a flow finished in another browser', async () => {
    const first = await viaProvider('fas-subject-employer');
    expect(first.callback.status).toBe(302);
    const replay = await fetch(`${platform.url}/api/v1/session/oidc/callback${first.back.search}`, {
      redirect: 'manual',
    });
    expect(replay.status).toBe(401);
    const elsewhere = await viaProvider('fas-subject-employer', { flowCookie: 'sw_oidc=someone-else' });
    expect(elsewhere.callback.status).toBe(401);
    const trail = await platform.deps.db
      .selectFrom('audit_trail')
      .select('details')
      .where('kind', '=', 'login_failed')
      .execute();
    expect(trail.map((t) => t.details)).toEqual(
      expect.arrayContaining([
        { reason: 'oidc_unknown_subject', method: 'oidc' },
        { reason: 'oidc_unknown_state', method: 'oidc' },
        { reason: 'oidc_state_not_of_this_browser', method: 'oidc' },
        { reason: 'oidc_id_token_invalid', method: 'oidc' },
        { reason: 'oidc_nonce_mismatch', method: 'oidc' },
      ]),
    );
  });

  it('ends a session the browser already held', async () => {
    const before = await viaProvider('fas-subject-employer');
    const after = await viaProvider('fas-subject-employer', { sessionCookie: before.session });
    expect(after.session).toBeDefined();
    const who = (cookie: string) => fetch(`${platform.url}/api/v1/session`, { headers: { cookie } });
    expect((await who(before.session ?? '')).status).toBe(401);
    expect((await who(after.session ?? '')).status).toBe(200);
  });
});

describe('the second factor, required', () => {
  const signIn = (username: string, totp?: string) =>
    platform.anonymous().post('/api/v1/session', { username, password: 'demo', ...(totp && { totp }) });

  it('refuses an authority account without TOTP, accepts it after enrolment with a correct code, refuses a wrong one', async () => {
    const refused = await signIn('flanders');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('second_factor_required');

    // Enrolment from a session opened through the provider.
    const { session } = await viaProvider('fas-subject-flanders');
    const client = platform.anonymous();
    await client.adoptSession(session ?? '');
    const { secret } = (await client.post('/api/v1/session/totp')).body;
    const confirmed = await client.post('/api/v1/session/totp/confirm', {
      code: totpCode(secret, platform.clock.now()),
    });
    expect(confirmed.status).toBe(204);

    platform.clock.advanceSeconds(30);
    expect((await signIn('flanders')).body.code).toBe('second_factor_required');
    const wrong = await signIn('flanders', '000000');
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('second_factor_invalid');
    const ok = await signIn('flanders', totpCode(secret, platform.clock.now()));
    expect(ok.status).toBe(200);
    expect(ok.body.organisation.kind).toBe('regional_authority');
  });

  it('never asks it of employer accounts', async () => {
    expect((await signIn('employer')).status).toBe(200);
    expect((await signIn('mandatary')).status).toBe(200);
  });

  it('checks the password before saying anything about the second factor', async () => {
    const res = await platform.anonymous().post('/api/v1/session', { username: 'dvz', password: 'wrong' });
    expect(res.body.code).toBe('invalid_credentials');
  });
});

describe('without a provider configured', () => {
  it('answers 404 on the OpenID Connect routes', async () => {
    const plain = await startPlatform();
    try {
      expect((await fetch(`${plain.url}/api/v1/session/oidc`, { redirect: 'manual' })).status).toBe(404);
      expect((await fetch(`${plain.url}/api/v1/session/oidc/callback?code=x&state=y`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

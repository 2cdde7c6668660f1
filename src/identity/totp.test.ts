import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform } from '../../test/harness.js';
import { ConfigError, loadConfig } from '../config.js';
import { base32Decode, base32Encode, hotp, matchTotp, totpCode } from './totp.js';

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  // RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
  const seed = base32Encode(Buffer.from('12345678901234567890'));

  it('gives the RFC test vectors (their 8 digits, cut to the last 6)', () => {
    expect(seed).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    for (const [seconds, code] of [
      [59, '287082'],
      [1111111109, '081804'],
      [1111111111, '050471'],
      [1234567890, '005924'],
      [2000000000, '279037'],
    ] as const) {
      expect(totpCode(seed, new Date(seconds * 1000))).toBe(code);
    }
    expect(hotp(seed, 0)).toBe('755224'); // RFC 4226 Appendix D
  });

  it('accepts one step either side and nothing further', () => {
    const at = new Date('2026-11-23T09:00:00Z');
    const code = totpCode(seed, at);
    expect(matchTotp(seed, code, new Date(at.getTime() + 30_000))).toBeDefined();
    expect(matchTotp(seed, code, new Date(at.getTime() - 30_000))).toBeDefined();
    expect(matchTotp(seed, code, new Date(at.getTime() + 61_000))).toBeUndefined();
    expect(matchTotp(seed, 'abcdef', at)).toBeUndefined();
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7, 9]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });
});

describe('the second factor setting', () => {
  it('is required by default, demo_exempt in demo mode, and never off in production', () => {
    expect(loadConfig({}, []).secondFactor).toBe('required');
    expect(loadConfig({}, ['--demo']).secondFactor).toBe('demo_exempt');
    expect(loadConfig({ SECOND_FACTOR: 'required' }, ['--demo']).secondFactor).toBe('required');
    expect(loadConfig({ SECOND_FACTOR: 'demo_exempt' }, []).secondFactor).toBe('demo_exempt');
    expect(() => loadConfig({ NODE_ENV: 'production', SECOND_FACTOR: 'demo_exempt' }, [])).toThrow(
      /a production configuration cannot switch the second factor off/,
    );
    expect(() => loadConfig({ SECOND_FACTOR: 'off' }, [])).toThrow(ConfigError);
  });

  it('takes an OpenID Connect provider whole or not at all', () => {
    expect(loadConfig({}, []).oidc).toBeUndefined();
    const all = {
      OIDC_ISSUER: 'https://idp.example',
      OIDC_CLIENT_ID: 'sw',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_REDIRECT_URI: 'https://sw.example/api/v1/session/oidc/callback',
    };
    expect(loadConfig(all, []).oidc).toEqual({
      issuer: 'https://idp.example',
      clientId: 'sw',
      clientSecret: 's3cret',
      redirectUri: 'https://sw.example/api/v1/session/oidc/callback',
    });
    expect(() => loadConfig({ ...all, OIDC_CLIENT_SECRET: undefined }, [])).toThrow(
      /missing: OIDC_CLIENT_SECRET/,
    );
  });
});

describe('enrolling a second factor', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform(); // demo_exempt: authority accounts without TOTP may sign in
  });
  afterAll(() => platform.close());

  const signIn = (totp?: string) =>
    platform
      .anonymous()
      .post('/api/v1/session', { username: 'flanders', password: 'demo', ...(totp && { totp }) });

  it('activates a secret only once a code from it is confirmed, then asks for codes at sign-in', async () => {
    const client = await platform.login('flanders');
    const started = await client.post('/api/v1/session/totp');
    expect(started.status).toBe(200);
    const { secret, otpauthUri } = started.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(
      /^otpauth:\/\/totp\/Single%20Window:flanders\?secret=[A-Z2-7]+&issuer=Single\+Window/,
    );

    // Pending only: signing in still needs no code.
    expect((await signIn()).status).toBe(200);

    const now = platform.clock.now();
    expect((await client.post('/api/v1/session/totp/confirm', { code: '000000' })).body.code).toBe(
      'second_factor_invalid',
    );
    expect((await client.post('/api/v1/session/totp/confirm', { code: totpCode(secret, now) })).status).toBe(
      204,
    );
    const audited = await platform.deps.db
      .selectFrom('audit_trail')
      .select(['details'])
      .where('kind', '=', 'account_changed')
      .execute();
    expect(audited).toEqual([{ details: { change: 'second_factor_enrolled' } }]);

    expect((await signIn()).body.code).toBe('second_factor_required');
    expect((await signIn('123456')).body.code).toBe('second_factor_invalid');
    // The code of the confirmation is spent; the next step's code works once.
    expect((await signIn(totpCode(secret, now))).status).toBe(401);
    platform.clock.advanceSeconds(30);
    const next = totpCode(secret, platform.clock.now());
    const ok = await signIn(next);
    expect(ok.status).toBe(200);
    expect((await signIn(next)).body.code).toBe('second_factor_invalid');

    // Replacing the factor needs a code from the current one.
    const other = await platform.login('flanders').catch(() => undefined);
    expect(other).toBeUndefined(); // the harness signs in without a code, which now fails
    expect((await client.post('/api/v1/session/totp')).body.code).toBe('second_factor_required');
    platform.clock.advanceSeconds(30);
    const replaced = await client.post('/api/v1/session/totp', {
      code: totpCode(secret, platform.clock.now()),
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.secret).not.toBe(secret);
  });

  it('keeps the secret out of every answer but the enrolment itself', async () => {
    const client = await platform.login('wallonia');
    const { secret } = (await client.post('/api/v1/session/totp')).body;
    const me = await client.get('/api/v1/session');
    expect(JSON.stringify(me.body)).not.toContain(secret);
  });

  it('answers 404 to a confirmation without an enrolment started', async () => {
    const client = await platform.login('brussels');
    expect((await client.post('/api/v1/session/totp/confirm', { code: '123456' })).status).toBe(404);
  });
});

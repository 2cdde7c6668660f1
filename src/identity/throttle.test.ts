import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform } from '../../test/harness.js';
import { loadConfig } from '../config.js';
import { newId, sha256 } from '../platform/ids.js';
import { BACK_OFF, THROTTLE_WINDOW_MS } from './throttle.js';

// A platform of its own: every test caller shares 127.0.0.1, so the per-address count would
// leak into other tests.
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform.close());
// Each test starts after the window of the one before.
beforeEach(() => {
  platform.clock.advanceSeconds(THROTTLE_WINDOW_MS / 1000 + 1);
});

const attempt = (username: string, password: string, headers: Record<string, string> = {}, on = platform) =>
  on.anonymous().post('/api/v1/session', { username, password }, headers);

const retryAfter = (reply: { headers: Headers }) => Number(reply.headers.get('retry-after'));

describe('sign-in is slowed down by back-off, never locked', () => {
  it('an attacker’s 20 failures from one address do not stop another user of that address', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('employer', `guess-${i}`)).status).toBe(401);
    for (let i = 0; i < 15; i++) expect((await attempt(`user-${i}`, 'wrong')).status).toBe(401);
    expect((await attempt('mandatary', 'demo')).status).toBe(200);
    expect((await attempt('worker', 'demo')).status).toBe(200);
  });

  it('the attacked account waits twice as long after each further failure, then its owner signs in', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('employer', `guess-${i}`)).status).toBe(401);
    // Held back without the password being checked; waiting, not retrying, lets the next through.
    for (const wait of [1, 2, 4, 8]) {
      const held = await attempt('employer', 'demo');
      expect(held.status).toBe(429);
      expect(held.body).toMatchObject({
        code: 'too_many_attempts',
        type: '/api/problems/too_many_attempts',
        retryAfter: wait,
      });
      expect(retryAfter(held)).toBe(wait);
      expect((await attempt('employer', 'still-wrong')).status).toBe(429);
      platform.clock.advanceSeconds(wait);
      expect((await attempt('employer', `guess-after-${wait}`)).status).toBe(401);
    }
    const owner = await platform
      .anonymous('fr')
      .post('/api/v1/session', { username: 'employer', password: 'demo' });
    expect(owner.status).toBe(429);
    expect(retryAfter(owner)).toBe(16);
    expect(owner.body.detail).toBe('Vous pourrez réessayer dans 16 secondes.');
    platform.clock.advanceSeconds(16);
    expect((await attempt('employer', 'demo')).status).toBe(200);
    // A success clears the account's failures: the next mistake is only a mistake.
    expect((await attempt('employer', 'wrong')).status).toBe(401);
  });

  it('caps the wait: an account is never held back longer than a quarter of an hour', async () => {
    for (let i = 0; i < 5; i++) await attempt('selfemployed', 'wrong');
    // 1 + 2 + … + 512 seconds: all ten further failures stay within the hour counted.
    let wait = 1;
    for (let i = 0; i < 10; i++) {
      platform.clock.advanceSeconds(wait);
      expect((await attempt('selfemployed', 'wrong')).status).toBe(401);
      wait = retryAfter(await attempt('selfemployed', 'wrong'));
    }
    expect(wait).toBe(BACK_OFF.accountFromAddress.capSeconds);
    platform.clock.advanceSeconds(wait);
    expect((await attempt('selfemployed', 'demo')).status).toBe(200);
  });

  it('counts usernames case-insensitively and also unknown ones, so nothing tells them apart', async () => {
    for (let i = 0; i < 5; i++) await attempt(i % 2 ? 'Nobody-Here' : 'nobody-here', 'x');
    expect((await attempt('NOBODY-HERE', 'x')).status).toBe(429);
    for (let i = 0; i < 5; i++) await attempt(`nobody-${i}`, 'x');
    expect((await attempt('employer', 'wrong')).status).toBe(401);
  });

  it('clears the failures of a username after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) await attempt('worker', 'wrong');
    expect((await attempt('worker', 'demo')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('worker', 'wrong')).status).toBe(401);
    expect((await attempt('worker', 'demo')).status).toBe(200);
  });

  it('past a high count an address slows down everyone signing in from it, for a minute at most', async () => {
    const { after, capSeconds } = BACK_OFF.addressForAnyone;
    // The sprayer's history is written directly (each failure over HTTP costs a password hash);
    // the last ones go through HTTP as a check that they are counted the same way.
    const client_key = sha256('client:127.0.0.1');
    await platform.deps.db
      .insertInto('login_attempt')
      .values(
        Array.from({ length: after - 3 }, (_, i) => ({
          id: newId(),
          at: platform.clock.now(),
          username_key: sha256(`username:spray-${i}`),
          client_key,
        })),
      )
      .execute();
    for (let i = 0; i < 3; i++) expect((await attempt(`sprayed-${i}`, 'wrong')).status).toBe(401);
    const held = await attempt('counter', 'demo');
    expect(held.status).toBe(429);
    expect(retryAfter(held)).toBeLessThanOrEqual(capSeconds);
    platform.clock.advanceSeconds(retryAfter(held));
    expect((await attempt('counter', 'demo')).status).toBe(200);
  });

  it('does not believe X-Forwarded-For unless TRUST_PROXY names the proxy', async () => {
    for (let i = 0; i < 5; i++)
      expect((await attempt('pes', 'wrong', { 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(401);
    expect((await attempt('pes', 'demo', { 'x-forwarded-for': '198.51.100.9' })).status).toBe(429);
  });

  it('audits failed and successful sign-ins without the username typed or the password', async () => {
    await attempt('typed-by-someone', 'secret-guess-123');
    for (let i = 0; i < 5; i++) await attempt('employer', 'another-secret-guess');
    expect((await attempt('employer', 'demo')).status).toBe(429);
    platform.clock.advanceSeconds(1);
    await attempt('employer', 'demo');
    const rows = await platform.deps.db.selectFrom('audit_trail').selectAll().orderBy('seq').execute();
    const failed = rows.filter((r) => r.kind === 'login_failed');
    expect(failed.map((r) => r.details)).toEqual(
      expect.arrayContaining([
        { reason: 'invalid_credentials' },
        { reason: 'invalid_credentials', userId: platform.directory.users.employer },
        { reason: 'too_many_attempts' },
      ]),
    );
    expect(rows.at(-1)).toMatchObject({
      kind: 'login',
      actor_user_id: platform.directory.users.employer,
      details: { method: 'password', secondFactor: false },
    });
    const everything = JSON.stringify([
      rows,
      await platform.deps.db.selectFrom('login_attempt').selectAll().execute(),
    ]);
    for (const secret of ['typed-by-someone', 'secret-guess-123', 'another-secret-guess', '127.0.0.1']) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe('behind a reverse proxy (TRUST_PROXY)', () => {
  let proxied: TestPlatform;
  beforeAll(async () => {
    proxied = await startPlatform({ trustProxy: ['127.0.0.1'] });
  });
  afterAll(() => proxied.close());
  const from = (address: string) => ({ 'x-forwarded-for': address });

  it('throttles the address in X-Forwarded-For, not the proxy’s', async () => {
    for (let i = 0; i < 5; i++)
      expect((await attempt('employer', 'wrong', from('203.0.113.7'), proxied)).status).toBe(401);
    expect((await attempt('employer', 'demo', from('203.0.113.7'), proxied)).status).toBe(429);
    const keys = await proxied.deps.db.selectFrom('login_attempt').select('client_key').execute();
    expect(new Set(keys.map((k) => k.client_key))).toEqual(new Set([sha256('client:203.0.113.7')]));
    // The account's owner elsewhere is not held back by the attacker's address.
    expect((await attempt('employer', 'demo', from('198.51.100.9'), proxied)).status).toBe(200);
    // Nor is anyone else behind the same proxy, after the attacker's 20 failures.
    for (let i = 0; i < 20; i++) await attempt(`user-${i}`, 'wrong', from('203.0.113.7'), proxied);
    expect((await attempt('mandatary', 'demo', from('198.51.100.10'), proxied)).status).toBe(200);
    expect((await attempt('worker', 'demo', from('203.0.113.8'), proxied)).status).toBe(200);
  });

  it('failures from many addresses hold an account back for a minute at most', async () => {
    proxied.clock.advanceSeconds(THROTTLE_WINDOW_MS / 1000 + 1);
    for (let i = 0; i < 30; i++) await attempt('dvz', 'wrong', from(`192.0.2.${i}`), proxied);
    const held = await attempt('dvz', 'demo', from('198.51.100.20'), proxied);
    expect(held.status).toBe(429);
    expect(retryAfter(held)).toBeLessThanOrEqual(BACK_OFF.account.capSeconds);
    proxied.clock.advanceSeconds(retryAfter(held));
    expect((await attempt('dvz', 'demo', from('198.51.100.20'), proxied)).status).toBe(200);
  });
});

describe('the TRUST_PROXY setting', () => {
  const trust = (value: string | undefined) =>
    loadConfig({ LOG_LEVEL: 'silent', ...(value !== undefined && { TRUST_PROXY: value }) }, []).trustProxy;

  it('is off by default and takes a hop count or a list of addresses and CIDR ranges', () => {
    expect(trust(undefined)).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.1, 10.0.0.0/8,fd00::/8')).toEqual(['10.0.0.1', '10.0.0.0/8', 'fd00::/8']);
  });

  it('refuses to believe everyone, and anything that is not an address', () => {
    expect(() => trust('true')).toThrow(/TRUST_PROXY/);
    expect(() => trust('proxy.example')).toThrow(/TRUST_PROXY/);
    expect(() => trust('10.0.0.0/33')).toThrow(/TRUST_PROXY/);
  });
});

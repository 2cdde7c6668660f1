import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform } from '../../test/harness.js';
import { THROTTLE_WINDOW_MS } from './throttle.js';

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

const attempt = (username: string, password: string) =>
  platform.anonymous().post('/api/v1/session', { username, password });

describe('sign-in is throttled against guessing', () => {
  it('refuses a username after 5 failures in 15 minutes, without checking the password, until the window passes', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('employer', `guess-${i}`)).status).toBe(401);
    const blocked = await attempt('employer', 'demo');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({
      code: 'too_many_attempts',
      type: '/api/problems/too_many_attempts',
    });
    // Another account from the same address is not affected (5 < 20).
    expect((await attempt('mandatary', 'demo')).status).toBe(200);

    platform.clock.advanceSeconds(THROTTLE_WINDOW_MS / 1000 - 60);
    expect((await attempt('employer', 'demo')).status).toBe(429);
    platform.clock.advanceSeconds(61);
    expect((await attempt('employer', 'demo')).status).toBe(200);
  });

  it('counts usernames case-insensitively and also unknown ones, so nothing tells them apart', async () => {
    for (let i = 0; i < 5; i++) await attempt(i % 2 ? 'Nobody-Here' : 'nobody-here', 'x');
    expect((await attempt('NOBODY-HERE', 'x')).status).toBe(429);
  });

  it('clears the failures of a username after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) await attempt('worker', 'wrong');
    expect((await attempt('worker', 'demo')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('worker', 'wrong')).status).toBe(401);
    expect((await attempt('worker', 'demo')).status).toBe(200);
  });

  it('refuses an address after 20 failures in 15 minutes, whatever the username', async () => {
    for (let i = 0; i < 20; i++) expect((await attempt(`user-${i % 10}`, 'wrong')).status).toBe(401);
    expect((await attempt('selfemployed', 'demo')).status).toBe(429);
    platform.clock.advanceSeconds(THROTTLE_WINDOW_MS / 1000 + 1);
    expect((await attempt('selfemployed', 'demo')).status).toBe(200);
  });

  it('audits failed and successful sign-ins without the username typed or the password', async () => {
    await attempt('typed-by-someone', 'secret-guess-123');
    await attempt('employer', 'another-secret-guess');
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

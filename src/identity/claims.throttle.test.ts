import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { claimDossier, filedSinglePermit } from '../../test/scenarios.js';
import { addColleague } from '../../test/users.js';
import { CLAIM_BACK_OFF } from './claims.js';

let platform: TestPlatform;
let employer: Client;
let worker: Client;
beforeAll(async () => {
  platform = await startPlatform({ trustProxy: ['127.0.0.1'] });
  for (const name of ['worker-2', 'worker-3', 'worker-4', 'worker-5'])
    await addColleague(platform, 'worker', name);
  [employer, worker] = await platform.loginAll(['employer', 'worker']);
});
afterAll(() => platform.close());

describe('claims are throttled: each mails a code', () => {
  it('refuses the 6th claim of a dossier in a short window, mailing no code, and lets it through after the wait', async () => {
    const draft = await filedSinglePermit(platform, employer);
    const details = {
      reference: draft.reference,
      passportNumber: draft.sections.residence.passportNumber,
      birthDate: draft.sections.identity.birthDate,
    };
    // From different addresses, so the dossier's own count is what holds the 6th back.
    const claim = (i: number, by = worker) =>
      by.post('/api/v1/claims', details, { 'x-forwarded-for': `203.0.113.${i}` });
    const sentBefore = platform.messaging.sent.length;
    for (let i = 0; i < 5; i++) expect((await claim(i)).status).toBe(202);
    expect(platform.messaging.sent.length).toBe(sentBefore + 5);

    const held = await claim(5);
    expect(held.status).toBe(429);
    expect(held.body).toMatchObject({
      code: 'too_many_attempts',
      retryAfter: CLAIM_BACK_OFF.reference.baseSeconds,
    });
    expect(held.headers.get('retry-after')).toBe(String(CLAIM_BACK_OFF.reference.baseSeconds));
    expect(platform.messaging.sent.length).toBe(sentBefore + 5);
    // Another user is held back the same way: the count is the dossier's, not the caller's.
    const other = await platform.login('worker-2');
    expect((await claim(6, other)).status).toBe(429);
    expect(platform.messaging.sent.length).toBe(sentBefore + 5);

    platform.clock.advanceSeconds(CLAIM_BACK_OFF.reference.baseSeconds);
    expect((await claim(7)).status).toBe(202);
    expect(platform.messaging.sent.length).toBe(sentBefore + 6);
    // …and the next waits twice as long.
    const again = await claim(8);
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe(String(2 * CLAIM_BACK_OFF.reference.baseSeconds));
  });

  it('counts per address and per user too, whatever the reference', async () => {
    platform.clock.advanceSeconds(3600 + 1);
    await worker.signInAgain();
    const fromOne = { 'x-forwarded-for': '198.51.100.1' };
    const claim = (i: number, headers = fromOne) =>
      worker.post(
        '/api/v1/claims',
        {
          reference: `SW-2026-9000${String(i).padStart(2, '0')}`,
          passportNumber: 'XX1234567',
          birthDate: '1990-01-01',
        },
        headers,
      );
    for (let i = 0; i < CLAIM_BACK_OFF.user.after; i++) expect((await claim(i)).status).toBe(202);
    // The user's own count: another address does not help.
    expect((await claim(50, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(429);
    platform.clock.advanceSeconds(3600 + 1);
    // The address's count: twenty claims from it by different users, then the next waits.
    const users = await platform.loginAll(['worker', 'worker-2', 'worker-3', 'worker-4'] as const);
    let n = 0;
    for (const user of users)
      for (let i = 0; i < 5; i++)
        expect(
          (
            await user.post(
              '/api/v1/claims',
              {
                reference: `SW-2026-8000${String(n++).padStart(2, '0')}`,
                passportNumber: 'XX1234567',
                birthDate: '1990-01-01',
              },
              { 'x-forwarded-for': '198.51.100.3' },
            )
          ).status,
        ).not.toBe(429);
    // A fifth user with no claims of their own is held back from that address only.
    const fifth = await platform.login('worker-5');
    const claimBy = (address: string) =>
      fifth.post(
        '/api/v1/claims',
        { reference: 'SW-2026-800099', passportNumber: 'XX1234567', birthDate: '1990-01-01' },
        { 'x-forwarded-for': address },
      );
    const held = await claimBy('198.51.100.3');
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeLessThanOrEqual(CLAIM_BACK_OFF.client.capSeconds);
    expect((await claimBy('198.51.100.4')).status).toBe(202);
  });

  it('a confirmed claim clears the user’s count: a worker follows six dossiers one after the other', async () => {
    platform.clock.advanceSeconds(3600 + 1);
    await employer.signInAgain();
    await worker.signInAgain();
    for (let i = 0; i < 6; i++)
      await claimDossier(platform, worker, await filedSinglePermit(platform, employer));
    const mine = await worker.get('/api/v1/dossiers?limit=50');
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThanOrEqual(6);
  });
});

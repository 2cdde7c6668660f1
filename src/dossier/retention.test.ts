import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path, grantedSinglePermit } from '../../test/exchange.js';
import { completeSinglePermitDraft, filedSinglePermit } from '../../test/scenarios.js';
import { dispatchDue } from '../exchange/dispatcher.js';
import { addYears } from './model/retention.js';

/*
 * Art. 27 §1: how long a dossier is kept, from what happened to it — the notification of its
 * decisions, the grant of what was asked, the legal holds — as the deciding authorities and the
 * DPOs see it.
 */

let platform: TestPlatform;
let employer: Client, flanders: Client, dvz: Client, dpo: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders, dvz, dpo] = await platform.loginAll(['employer', 'flanders', 'dvz', 'dpo'] as const);
});
afterAll(() => platform.close());

const send = () => dispatchDue(platform.deps, platform.clock.now());

/** Moves the clock for one step of a test, and back; sessions do not outlive the jump. */
async function later<T>(days: number, step: () => Promise<T>): Promise<T> {
  platform.clock.advanceDays(days);
  try {
    await Promise.all([flanders.signInAgain(), employer.signInAgain()]);
    return await step();
  } finally {
    platform.clock.advanceDays(-days);
    await Promise.all([flanders.signInAgain(), employer.signInAgain()]);
  }
}

describe('the dates of Art. 27', () => {
  it('a year later is the same calendar day; 29 February becomes 28 February', () => {
    expect(addYears('2026-11-23', 10)).toBe('2036-11-23');
    expect(addYears('2028-02-29', 5)).toBe('2033-02-28');
  });
});

describe('retention as the authorities and DPOs see it', () => {
  it('a draft is kept 180 days after its last change; the applicant is not shown retention', async () => {
    const draft = await completeSinglePermitDraft(platform, employer);
    expect((await employer.get(path(draft.id))).body.retention).toBeNull();
    const row = await platform.deps.db
      .selectFrom('dossier')
      .select(['retention_until', 'retention_rule'])
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ retention_until: '2027-05-22', retention_rule: 'draft_180d' });
  });

  it('a granted single permit is kept 10 years from filing (§1 1°)', async () => {
    const granted = await grantedSinglePermit(platform, { employer, flanders, dvz });
    for (const client of [flanders, dvz, dpo]) {
      const view = await client.get(path(granted.id));
      expect(view.body.retention).toEqual({ until: '2036-11-23', rule: 'granted_10y', holds: [] });
    }
    expect((await employer.get(path(granted.id))).body.retention).toBeNull();
  });

  it('a refusal counts from its notification, not from the decision (§1 2°)', async () => {
    const filed = await filedSinglePermit(platform, employer);
    await flanders.post(path(filed.id, '/admissibility'), {
      outcome: 'inadmissible',
      grounds: 'Not complete',
    });
    const before = await flanders.get(path(filed.id));
    expect(before.body.decisions[0].notifiedAt).toBeNull();
    expect(before.body.retention).toEqual({ until: null, rule: null, holds: [] });

    // The letter goes out three days later: that is when it reached its addressee.
    const after = await later(3, async () => {
      await send();
      return flanders.get(path(filed.id));
    });
    expect(after.body.decisions[0].notifiedAt).toBe('2026-11-26T09:00:00.000Z');
    expect(after.body.retention).toEqual({ until: '2031-11-26', rule: 'closed_5y', holds: [] });
  });

  it('a hold keeps the dossier while open and a year after it is lifted; only its authority lifts it (§1 3°)', async () => {
    const filed = await filedSinglePermit(platform, employer);
    await flanders.post(path(filed.id, '/admissibility'), {
      outcome: 'inadmissible',
      grounds: 'Not complete',
    });
    await send();
    const held = await flanders.post(path(filed.id, '/holds'), {
      reason: 'appeal',
      caseReference: 'RVV-2026-123',
    });
    expect(held.status).toBe(201);
    const hold = held.body.retention.holds[0];
    expect(held.body.retention).toMatchObject({ until: null, rule: 'hold_1y' });
    expect(hold).toMatchObject({ reason: 'appeal', authority: 'competent_region', liftedAt: null });
    expect((await employer.post(path(filed.id, '/holds'), { reason: 'appeal' })).status).toBe(403);
    expect((await flanders.post(path(filed.id, '/holds'), { reason: 'curiosity' })).status).toBe(422);

    // The appeal ends six years later: the dossier is kept one more year from then.
    const [lifted, again] = await later(6 * 365, async () => [
      await flanders.post(path(filed.id, '/holds/lift'), { holdId: hold.id }),
      await flanders.post(path(filed.id, '/holds/lift'), { holdId: hold.id }),
    ]);
    expect(lifted.status).toBe(200);
    expect(lifted.body.retention).toMatchObject({ until: '2033-11-21', rule: 'hold_1y' });
    expect(again.body.code).toBe('hold_not_open');
    const events = await flanders.get(path(filed.id, '/events'));
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['register_hold', 'lift_hold']),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path, grantedSinglePermit, refuseWork } from '../../test/exchange.js';
import { filedSinglePermit } from '../../test/scenarios.js';
import { dispatchDue } from '../exchange/dispatcher.js';
import { addYears } from '../dossier/model/retention.js';
import { addDays, legalDate } from '../platform/clock.js';
import { sweepRetention } from './sweep.js';

/*
 * The periods of Art. 27 §1 as the daily sweep applies them, with the platform clock moved forward:
 * a dossier goes on the first day it is due and not a day before.
 */

let platform: TestPlatform;
let employer: Client;
let flanders: Client;
let dvz: Client;

beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders, dvz] = await platform.loginAll(['employer', 'flanders', 'dvz'] as const);
});
afterAll(() => platform.close());

/** Moves the clock to 09:00 in Brussels (winter or summer) on a legal date, then runs the sweep. */
async function sweepOn(date: string) {
  platform.clock.set(new Date(`${date}T08:00:00Z`));
  return sweepRetention(platform.deps, platform.clock.now());
}

const exists = async (id: string) =>
  (await platform.deps.db.selectFrom('dossier').select('id').where('id', '=', id).executeTakeFirst()) !==
  undefined;

async function signInAgain() {
  for (const c of [employer, flanders, dvz]) await c.signInAgain();
}

describe('the retention periods (Art. 27 §1)', () => {
  it('deletes a granted single permit at filing + 10 years, not a day before', async () => {
    const { id } = await grantedSinglePermit(platform, { employer, flanders, dvz });
    const view = await flanders.get(path(id));
    const filedOn = legalDate(new Date(view.body.filedAt as string));
    const until = addYears(filedOn, 10);
    expect(view.body.retention).toMatchObject({ until, rule: 'granted_10y' });

    expect((await sweepOn(addDays(until, -1))).deleted).toBe(0);
    expect(await exists(id)).toBe(true);
    expect((await sweepOn(until)).deleted).toBe(1);
    expect(await exists(id)).toBe(false);
    await signInAgain();
  });

  it('deletes a refusal notified at n at n + 5 years; the period waits for the notification', async () => {
    const { id } = await filedSinglePermit(platform, employer);
    await refuseWork(flanders, id, 'Fictitious grounds for a test.');
    // Not notified yet: kept, however long.
    expect((await flanders.get(path(id))).body.retention).toMatchObject({ until: null });
    platform.clock.advanceDays(3);
    const notifiedAt = platform.clock.now();
    await dispatchDue(platform.deps, notifiedAt);
    const until = addYears(legalDate(notifiedAt), 5);

    // The sweep first brings the projection up to date with the notification.
    expect((await sweepOn(addDays(until, -1))).deleted).toBe(0);
    await signInAgain();
    expect((await flanders.get(path(id))).body.retention).toMatchObject({ until, rule: 'closed_5y' });
    expect((await sweepOn(until)).deleted).toBe(1);
    expect(await exists(id)).toBe(false);
    await signInAgain();
  });

  it('keeps a dossier under a hold indefinitely, then until a year after it is lifted', async () => {
    const { id } = await grantedSinglePermit(platform, { employer, flanders, dvz });
    const filedOn = legalDate(new Date((await flanders.get(path(id))).body.filedAt as string));
    const held = await flanders.post(path(id, '/holds'), { reason: 'appeal' });
    expect(held.status).toBe(201);
    const holdId = (held.body.retention.holds as { id: string }[])[0]?.id ?? '';
    expect(held.body.retention).toMatchObject({ until: null, rule: 'hold_1y' });

    // Past the ten years, and long after: the open hold keeps it.
    expect((await sweepOn(addYears(filedOn, 10))).deleted).toBe(0);
    expect((await sweepOn(addYears(filedOn, 15))).deleted).toBe(0);
    expect(await exists(id)).toBe(true);

    await signInAgain();
    const lifted = await flanders.post(path(id, '/holds/lift'), { holdId });
    expect(lifted.status).toBe(200);
    const liftedOn = legalDate(platform.clock.now());
    const until = addYears(liftedOn, 1);
    expect(lifted.body.retention).toMatchObject({ until, rule: 'hold_1y' });

    expect((await sweepOn(addDays(until, -1))).deleted).toBe(0);
    expect(await exists(id)).toBe(true);
    expect((await sweepOn(until)).deleted).toBe(1);
    expect(await exists(id)).toBe(false);
  });
});

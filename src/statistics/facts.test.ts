import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path, grantedSinglePermit, refuseWork } from '../../test/exchange.js';
import { filedSinglePermit } from '../../test/scenarios.js';
import { addOrganisation } from '../../test/users.js';
import { addYears } from '../dossier/model/retention.js';
import { legalDate } from '../platform/clock.js';
import { sweepRetention } from '../retention/sweep.js';

/*
 * Every decision, withdrawal and end leaves an anonymous fact in its own transaction, the facts
 * name nobody, and a year's figures stay the same after the dossiers are deleted (lifecycle.md §3).
 */

let platform: TestPlatform;
let employer: Client;
let flanders: Client;
let wallonia: Client;
let dvz: Client;
let committee: Client;
const ids: Record<string, string> = {};

const facts = () => platform.deps.db.selectFrom('statistic_fact').selectAll().orderBy('id').execute();

async function ok(reply: Promise<{ status: number; body: unknown }>, status = 201) {
  const r = await reply;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
}

beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders, wallonia, dvz] = await platform.loginAll(['employer', 'flanders', 'wallonia', 'dvz']);
  await addOrganisation(
    platform,
    { kind: 'management_committee', name: 'Committee (test)' },
    'committee-member',
  );
  committee = await platform.login('committee-member');
  const parties = { employer, flanders, dvz };

  ids.granted = (await grantedSinglePermit(platform, parties)).id;
  ids.ended = (await grantedSinglePermit(platform, parties)).id;
  await ok(
    dvz.post(path(ids.ended, '/decisions'), { kind: 'end', of: 'residence', grounds: 'Fictitious end.' }),
  );
  ids.revoked = (await grantedSinglePermit(platform, parties)).id;
  await ok(
    dvz.post(path(ids.revoked, '/decisions'), {
      kind: 'withdrawal',
      of: 'residence',
      grounds: 'Fictitious.',
    }),
  );
  ids.refused = (await filedSinglePermit(platform, employer)).id;
  await refuseWork(flanders, ids.refused, 'Fictitious grounds.');
  ids.inadmissible = (await filedSinglePermit(platform, employer)).id;
  await ok(
    flanders.post(path(ids.inadmissible, '/admissibility'), {
      outcome: 'inadmissible',
      grounds: 'Fictitious.',
    }),
    200,
  );
  ids.withdrawn = (await filedSinglePermit(platform, employer)).id;
  await ok(
    flanders.post(path(ids.withdrawn, '/requests'), {
      dueDate: '2026-12-23',
      items: [{ description: 'A fictitious document' }],
    }),
  );
  await ok(employer.post(path(ids.withdrawn, '/withdrawal'), {}), 200);
}, 240_000);

afterAll(async () => platform.close());

describe('anonymous facts', () => {
  it('are written for every outcome: granted, refused, inadmissible, withdrawn, ended, permit withdrawn', async () => {
    const rows = await facts();
    const seen = rows.map((r) => `${r.event}/${r.decision_kind ?? '-'}/${r.outcome ?? '-'}`);
    const count = (key: string) => seen.filter((s) => s === key).length;
    expect(count('filed/-/-')).toBe(6);
    expect(count('admissibility/admissibility/admissible')).toBe(4);
    expect(count('admissibility/admissibility/inadmissible')).toBe(1);
    expect(count('decision/work/granted')).toBe(3);
    expect(count('decision/residence/granted')).toBe(3);
    expect(count('decision/work/refused')).toBe(1);
    expect(count('documents_requested/-/-')).toBe(1);
    expect(count('application_withdrawn/-/withdrawn')).toBe(1);
    expect(count('permit_ended/residence/ended')).toBe(1);
    expect(count('permit_withdrawn/residence/withdrawn')).toBe(1);

    const residence = rows.find((r) => r.decision_kind === 'residence' && r.outcome === 'granted');
    expect(residence).toMatchObject({
      procedure: 'single_permit',
      category: 'single_permit',
      region: 'flanders',
      citizenship: 'IN',
      application_kind: 'first',
      reason: 'remunerated',
      validity_months: 12,
      year: 2026,
      month: 11,
      within_deadline: true,
      days_taken: 0,
    });
    expect(residence?.age_band).toMatch(/^\d\d-\d\d$|^65\+$/);
  });

  it('name no dossier, person or organisation', async () => {
    const text = JSON.stringify(await facts());
    for (const id of Object.values(ids)) expect(text).not.toContain(id);
    expect(text).not.toMatch(/SW-\d{4}-|Voorbeeld|Test \d|\d{4}-\d\d-\d\d/);
    const columns = Object.keys((await facts())[0] ?? {});
    expect(columns).not.toContain('dossier_id');
    expect(columns.some((c) => /birth|name|reference|organisation/.test(c))).toBe(false);
  });
});

describe('dashboard access', () => {
  const q = '/api/v1/statistics/dashboard?from=2026-01&to=2026-12&by=region';

  it('DVZ and the committee read all regions; a region its own only', async () => {
    const all = await dvz.get(q);
    expect(all.status).toBe(200);
    expect(all.body.total).toMatchObject({ filings: 6, granted: 6, refused: 1, inadmissible: 1, ended: 1 });
    expect((await committee.get(q)).body).toEqual(all.body);
    const own = await flanders.get(q);
    expect(own.body.region).toBe('flanders');
    expect(own.body.total.filings).toBe(6);
    const other = await wallonia.get(q);
    expect(other.body.total.filings).toBe(0);
  });

  it('refuses a region another region’s figures, and anyone else every figure', async () => {
    expect((await wallonia.get(`${q}&region=flanders`)).status).toBe(403);
    expect((await employer.get(q)).status).toBe(403);
    expect((await wallonia.get('/api/v1/statistics/eurostat?year=2026')).status).toBe(403);
  });

  it('exports the table as CSV', async () => {
    const csv = await dvz.request('GET', `${q}&format=csv`);
    expect(csv.status).toBe(200);
    const text = csv.body as unknown as string;
    expect(text.split('\r\n')[0]).toMatch(/^region,filings,admissible,/);
    expect(text).toContain('\r\nflanders,6,');
  });

  it('lets a region note a person admitted to work ex officio (Art. 32 4°) as a fact of its own region', async () => {
    const noted = await wallonia.post('/api/v1/statistics/ex-officio-admissions', {
      category: 'student',
      citizenship: 'MA',
      sex: 'F',
      ageBand: '15-24',
    });
    expect(noted.status).toBe(201);
    expect(await facts()).toContainEqual(
      expect.objectContaining({ event: 'ex_officio', region: 'wallonia', ex_officio_category: 'student' }),
    );
    expect(
      (await dvz.post('/api/v1/statistics/ex-officio-admissions', { category: 'student', citizenship: 'MA' }))
        .status,
    ).toBe(403);
  });
});

describe('after the dossiers are deleted', () => {
  it('a past year’s figures do not change', async () => {
    const before = {
      facts: await facts(),
      dashboard: (await dvz.get('/api/v1/statistics/dashboard?from=2026-01&to=2026-12&by=month')).body,
      eurostat: (await dvz.get('/api/v1/statistics/eurostat?year=2026')).body,
      open: (await employer.get('/api/v1/open-data/permits?year=2026')).body,
    };
    const filedOn = legalDate(new Date((await flanders.get(path(ids.refused ?? ''))).body.filedAt as string));
    platform.clock.set(new Date(`${addYears(filedOn, 30)}T08:00:00Z`));
    const report = await sweepRetention(platform.deps, platform.clock.now());
    // Those whose period ran out are gone (the others wait for their notification or permit's end).
    expect(report.deleted).toBeGreaterThanOrEqual(2);
    const left = (await platform.deps.db.selectFrom('dossier').select('id').execute()).map((d) => d.id);
    expect(Object.values(ids).filter((id) => !left.includes(id)).length).toBeGreaterThanOrEqual(2);
    await dvz.signInAgain();
    await employer.signInAgain();
    expect(await facts()).toEqual(before.facts);
    expect((await dvz.get('/api/v1/statistics/dashboard?from=2026-01&to=2026-12&by=month')).body).toEqual(
      before.dashboard,
    );
    expect((await dvz.get('/api/v1/statistics/eurostat?year=2026')).body).toEqual(before.eurostat);
    expect((await employer.get('/api/v1/open-data/permits?year=2026')).body).toEqual(before.open);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { allocate, splitByWeights } from './key.js';
import { monthsOf } from './dossiers.js';

/*
 * The cost key of Art. 33 against examples computed by hand. Example period 2027:
 *   in scope 100 000.00 € (10 000 000 cents), out of scope 20 000.00 € (2 000 000 cents)
 *   DVZ: 63 % of 10 000 000 = 6 300 000, 48 % of 2 000 000 = 960 000 → 7 260 000
 *   regions together: 12 000 000 − 7 260 000 = 4 740 000
 *   dossiers filed in 2027: Flanders 60, Wallonia 25, Brussels 12, German-speaking Community 3 (of 100)
 *   → 2 844 000, 1 185 000, 568 800, 142 200 (sum 4 740 000).
 * Dossiers filed in 2026 (a period outside) must not count.
 */

describe('the key, by hand', () => {
  it('splits the regional rest by dossiers', () => {
    const result = allocate(
      { inScope: 10_000_000, outOfScope: 2_000_000 },
      { inScopeBp: 6300, outOfScopeBp: 4800 },
      { flanders: 60, wallonia: 25, brussels: 12, ostbelgien: 3 },
    );
    expect(result).toEqual({
      federal: 7_260_000,
      regional: 4_740_000,
      regions: { flanders: 2_844_000, wallonia: 1_185_000, brussels: 568_800, ostbelgien: 142_200 },
      equalSplitFallback: false,
    });
  });

  it('gives the odd cents to the largest remainders, so the parts add up', () => {
    // 100 cents over 1:1:1:0 → 33.33 each; the cent left goes to the first of the ties.
    expect(splitByWeights(100, { flanders: 1, wallonia: 1, brussels: 1, ostbelgien: 0 })).toEqual({
      flanders: 34,
      wallonia: 33,
      brussels: 33,
      ostbelgien: 0,
    });
    // 1001 cents by 50 / 30 / 15 / 5 %: 500.5, 300.3, 150.15, 50.05 → 501, 300, 150, 50.
    expect(splitByWeights(1001, { flanders: 5000, wallonia: 3000, brussels: 1500, ostbelgien: 500 })).toEqual(
      {
        flanders: 501,
        wallonia: 300,
        brussels: 150,
        ostbelgien: 50,
      },
    );
  });

  it('shares equally, and says so, when the period has no dossier', () => {
    const r = allocate(
      { inScope: 1000, outOfScope: 0 },
      { inScopeBp: 6300, outOfScopeBp: 4800 },
      {
        flanders: 0,
        wallonia: 0,
        brussels: 0,
        ostbelgien: 0,
      },
    );
    expect(r.federal).toBe(630);
    expect(r.regions).toEqual({ flanders: 93, wallonia: 93, brussels: 92, ostbelgien: 92 });
    expect(r.equalSplitFallback).toBe(true);
  });

  it('reads a quarter as its three months', () => {
    expect(monthsOf('2027-Q3')).toEqual({ from: 202707, to: 202709 });
    expect(monthsOf('2027')).toEqual({ from: 202701, to: 202712 });
  });
});

describe('the cost report through the API', () => {
  let platform: TestPlatform;
  let secretariat: Client;
  let flanders: Client;

  beforeAll(async () => {
    platform = await startPlatform();
    [secretariat, flanders] = await platform.loginAll(['committee', 'flanders'] as const);
    const filed = (region: string, year: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ event: 'filed', year, month: (i % 12) + 1, region }));
    await platform.deps.db
      .insertInto('statistic_fact')
      .values([
        ...filed('flanders', 2027, 60),
        ...filed('wallonia', 2027, 25),
        ...filed('brussels', 2027, 12),
        ...filed('ostbelgien', 2027, 3),
        ...filed('brussels', 2026, 40),
      ])
      .execute();
    for (const line of [
      {
        phase: 'phase_3',
        nature: 'development',
        scope: 'in_scope',
        description: 'Portal, release 3',
        amountCents: 7_000_000,
      },
      {
        phase: 'phase_3',
        nature: 'operation',
        scope: 'in_scope',
        description: 'Hosting',
        amountCents: 3_000_000,
      },
      {
        phase: 'phase_4',
        nature: 'development',
        scope: 'out_of_scope',
        description: 'Professional cards study',
        amountCents: 2_000_000,
      },
    ]) {
      const res = await secretariat.post('/api/v1/costs/lines', { period: '2027', ...line });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });

  afterAll(() => platform.close());

  it('applies the default key: 63 % / 48 % federal, the rest by the period’s dossiers', async () => {
    const res = await flanders.get('/api/v1/costs/reports/2027');
    expect(res.status).toBe(200);
    expect(res.body.key.source).toBe('default');
    expect(res.body.dossiers).toEqual({ flanders: 60, wallonia: 25, brussels: 12, ostbelgien: 3 });
    expect(res.body.totals).toEqual({
      inScope: 10_000_000,
      outOfScope: 2_000_000,
      total: 12_000_000,
      federal: 7_260_000,
      regional: 4_740_000,
      regions: { flanders: 2_844_000, wallonia: 1_185_000, brussels: 568_800, ostbelgien: 142_200 },
    });
  });

  it('applies a fixed key the committee records, and refuses one that does not add up to 100 %', async () => {
    const bad = await secretariat.put('/api/v1/costs/keys/2027', {
      federalInScopeBp: 6300,
      federalOutOfScopeBp: 4800,
      regionalKey: 'fixed',
      fixedShares: { flanders: 5000, wallonia: 3000, brussels: 1500, ostbelgien: 400 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.type).toContain('cost_key_invalid');
    const set = await secretariat.put('/api/v1/costs/keys/2027', {
      federalInScopeBp: 5000,
      federalOutOfScopeBp: 5000,
      regionalKey: 'fixed',
      fixedShares: { flanders: 5000, wallonia: 3000, brussels: 1500, ostbelgien: 500 },
    });
    expect(set.status).toBe(200);
    const res = await flanders.get('/api/v1/costs/reports/2027');
    // 50 % of 12 000 000 = 6 000 000 federal; the rest 6 000 000 by 50/30/15/5 %.
    expect(res.body.totals.federal).toBe(6_000_000);
    expect(res.body.totals.regions).toEqual({
      flanders: 3_000_000,
      wallonia: 1_800_000,
      brussels: 900_000,
      ostbelgien: 300_000,
    });
  });

  it('answers CSV and a PDF in each language; regions may not enter costs', async () => {
    const csv = await flanders.get('/api/v1/costs/reports/2027?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain('share,2027,,,,dvz,,6000000');
    for (const language of ['nl', 'fr', 'de', 'en']) {
      const client = await platform.login('flanders', language);
      const pdf = await client.download('/api/v1/costs/reports/2027?format=pdf');
      expect(pdf.status).toBe(200);
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const refused = await flanders.post('/api/v1/costs/lines', {
      period: '2027',
      phase: 'phase_3',
      nature: 'operation',
      scope: 'in_scope',
      description: 'x',
      amountCents: 1,
    });
    expect(refused.status).toBe(403);
  });

  it('the committee reads the operational figures: volumes from the facts', async () => {
    const res = await secretariat.get('/api/v1/committee/operations?from=2027-01-01&to=2027-12-31');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ filed: 100, decisions: 0, openRightsRequests: 0, deliveryBacklog: 0 });
  });
});

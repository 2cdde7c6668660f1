import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform } from '../../test/harness.js';
import { derivable } from '../../test/suppression.oracle.js';
import type { OpenDataView } from '../contract/statistics.js';
import type { FactRow } from './facts.js';

/* The public figures, without sign-in, on purpose-built small counts (lifecycle.md §3). */

let platform: TestPlatform;
const filed = (region: string, procedure: string, citizenship: string, n: number): FactRow[] =>
  Array.from({ length: n }, () => ({ event: 'filed', year: 2025, month: 3, region, procedure, citizenship }));

beforeAll(async () => {
  platform = await startPlatform();
  await platform.deps.db
    .insertInto('statistic_fact')
    .values([
      ...filed('flanders', 'single_permit', 'IN', 20),
      ...filed('flanders', 'work_permit', 'IN', 3),
      ...filed('flanders', 'professional_card', 'MA', 9),
      ...filed('wallonia', 'single_permit', 'MA', 11),
      ...filed('wallonia', 'work_permit', 'TR', 8),
      ...filed('brussels', 'single_permit', 'IN', 6),
      ...filed('brussels', 'professional_card', 'TR', 1),
    ])
    .execute();
}, 120_000);

afterAll(async () => platform.close());

const open = async (accept = 'application/json') => {
  const res = await fetch(`${platform.url}/api/v1/open-data/permits?year=2025`, { headers: { accept } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

describe('open data', () => {
  it('answers anyone without sign-in, with no cell under 5 and none computable back', async () => {
    const res = await open();
    expect(res.status).toBe(200);
    const view = JSON.parse(res.text) as OpenDataView;
    const byRegion = view.tables.find((t) => t.measure === 'filings' && t.rows === 'region');
    expect(byRegion?.cells.find((c) => c.row === 'flanders')?.values[1]).toBeNull();
    expect(byRegion?.cells.find((c) => c.row === 'brussels')?.values[2]).toBeNull();
    for (const t of view.tables) {
      const grid = [...t.cells.map((c) => [...c.values, c.total]), [...t.columnTotals, t.total]];
      for (const v of grid.flat()) expect(v === null || v === 0 || v >= 5).toBe(true);
      expect(derivable(grid.map((r) => r.map((v) => v === null)))).toEqual([]);
    }
  });

  it('gives the same figures as CSV, a suppressed value as an empty field', async () => {
    const res = await open('text/csv');
    expect(res.type).toMatch(/^text\/csv/);
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('year,measure,rows,row,column,value');
    expect(lines).toContain('2025,filings,region,flanders,work_permit,');
    const view = JSON.parse((await open()).text) as OpenDataView;
    for (const t of view.tables)
      for (const c of t.cells)
        t.columns.forEach((col, j) => {
          expect(lines).toContain(`2025,${t.measure},${t.rows},${c.row},${col},${String(c.values[j] ?? '')}`);
        });
    expect(lines.some((l) => /,[1-4]$/.test(l))).toBe(false);
  });
});

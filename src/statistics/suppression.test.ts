import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishTable } from './open-data.js';
import { suppress, withMargins } from './suppression.js';
import { derivable } from '../../test/suppression.oracle.js';

/*
 * No suppressed cell can be computed back from what is published (lifecycle.md §3). Two oracles
 * that share nothing with the suppression: linear algebra over the table's sums (what subtraction
 * from any published total can reach), and, for tiny tables, every table of non-negative counts
 * consistent with what is published.
 */

type Grid = number[][];

/** Every value each suppressed cell can take in a table of counts consistent with what is published. */
function possibleValues(cells: Grid, suppressed: boolean[][]): Map<string, Set<number>> {
  const R = cells.length;
  const C = cells[0]?.length ?? 0;
  const published = withMargins(cells, C);
  const unknown: [number, number][] = [];
  for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) if (suppressed[i]?.[j]) unknown.push([i, j]);
  const bound = published[R]?.[C] ?? 0;
  const seen = new Map<string, Set<number>>();
  const trial = cells.map((r) => [...r]);
  const visit = (k: number) => {
    if (k === unknown.length) {
      const t = withMargins(trial, C);
      const fits = t.every((row, i) => row.every((v, j) => suppressed[i]?.[j] || v === published[i]?.[j]));
      if (!fits) return;
      t.forEach((row, i) => {
        row.forEach((v, j) => {
          if (!suppressed[i]?.[j]) return;
          const key = `${String(i)},${String(j)}`;
          seen.set(key, (seen.get(key) ?? new Set()).add(v));
        });
      });
      return;
    }
    const [i, j] = unknown[k] as [number, number];
    for (let v = 0; v <= bound; v++) {
      (trial[i] as number[])[j] = v;
      visit(k + 1);
    }
  };
  visit(0);
  return seen;
}

const primaryKept = (values: Grid, suppressed: boolean[][]) =>
  values.every((row, i) => row.every((v, j) => !(v > 0 && v < 5) || suppressed[i]?.[j]));

describe('small-cell suppression', () => {
  it('withholds the cells that would give a small one back by subtraction from a total', () => {
    // 3 is small; with 13 and 10 published it would be 13 - 10.
    const { values, suppressed } = suppress(
      [
        [3, 10],
        [12, 20],
      ],
      2,
    );
    expect(values).toEqual([
      [3, 10, 13],
      [12, 20, 32],
      [15, 30, 45],
    ]);
    expect(suppressed[0]?.[0]).toBe(true);
    expect(suppressed.flat().filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(derivable(suppressed)).toEqual([]);
  });

  it('withholds a small margin too, and publishes zeros and a table without small cells whole', () => {
    const small = suppress([[2], [0]], 1);
    expect(small.suppressed[0]?.[0]).toBe(true);
    expect(small.suppressed[2]?.[1]).toBe(true);
    expect(derivable(small.suppressed)).toEqual([]);
    const big = suppress(
      [
        [7, 0],
        [9, 12],
      ],
      2,
    );
    expect(big.suppressed.flat().some(Boolean)).toBe(false);
  });

  it('publishes a table whose nulls cannot be computed back (region × procedure)', () => {
    const table = publishTable(
      'granted',
      'region',
      new Map([
        ['brussels', [6, 2, 9]],
        ['flanders', [40, 12, 1]],
        ['wallonia', [15, 7, 8]],
      ]),
    );
    expect(table.cells.find((c) => c.row === 'brussels')?.values[1]).toBeNull();
    expect(table.cells.find((c) => c.row === 'flanders')?.values[2]).toBeNull();
    expect(table.total).toBe(100);
    const grid = [...table.cells.map((c) => [...c.values, c.total]), [...table.columnTotals, table.total]];
    expect(derivable(grid.map((r) => r.map((v) => v === null)))).toEqual([]);
  });

  it('never lets a suppressed cell be derived from the published totals (property)', () => {
    const table = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 })).chain(([r, c]) =>
      fc.array(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), {
          minLength: c,
          maxLength: c,
        }),
        {
          minLength: r,
          maxLength: r,
        },
      ),
    );
    fc.assert(
      fc.property(table, (cells) => {
        const C = cells[0]?.length ?? 0;
        const { values, suppressed } = suppress(cells, C);
        expect(primaryKept(values, suppressed)).toBe(true);
        expect(derivable(suppressed)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves every suppressed cell of a tiny table at least two possible counts (property, exhaustive)', () => {
    const tiny = fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 2 }), {
      minLength: 2,
      maxLength: 2,
    });
    fc.assert(
      fc.property(tiny, (cells) => {
        const { suppressed } = suppress(cells, 2);
        for (const [cell, values] of possibleValues(cells, suppressed)) {
          expect(values.size, `cell ${cell} of ${JSON.stringify(cells)}`).toBeGreaterThan(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});

/*
 * Small-cell suppression of a two-way table published with its margins (lifecycle.md §3, open
 * data). Primary: every count from 1 to threshold - 1 (zeros say that nobody is concerned and are
 * published). Secondary: the table with its margins is a set of sums; a suppressed cell can be
 * computed back exactly if and only if it lies on no cycle of suppressed cells (rows and columns as
 * the nodes of a graph, suppressed cells as its edges — the bridge criterion of the additive
 * table). So every suppressed cell is put on such a cycle, preferring cycles of non-zero cells so
 * that a value can move both up and down and stays unknown even to someone who knows counts are
 * never negative.
 */

export interface Protected {
  /** The table with its margins: rows 0..R-1, the total row R; columns 0..C-1, the total column C. */
  values: number[][];
  /** Same shape: true where the value is withheld. */
  suppressed: boolean[][];
}

/** The table with row totals, column totals and the grand total added as last column and row. */
export function withMargins(cells: readonly (readonly number[])[], columns: number): number[][] {
  const rows = cells.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: columns + 1 }, (_, j) => rows.reduce((a, r) => a + (r[j] ?? 0), 0));
  return [...rows, totals];
}

export function suppress(cells: readonly (readonly number[])[], columns: number, threshold = 5): Protected {
  const values = withMargins(cells, columns);
  const R = values.length;
  const C = columns + 1;
  const suppressed = values.map((r) => r.map((v) => v > 0 && v < threshold));
  if (!suppressed.some((r) => r.some(Boolean))) return { values, suppressed };
  // Bridges are found again after each repair: a repair only adds cells, so cycles never break.
  for (let guard = 0; guard < R * C; guard++) {
    const bridge = findBridge(suppressed, R, C);
    if (!bridge) break;
    closeCycle(values, suppressed, bridge, R, C);
  }
  return { values, suppressed };
}

/** A suppressed cell that lies on no cycle of suppressed cells, if there is one. */
export function findBridge(s: boolean[][], R: number, C: number): [number, number] | undefined {
  for (let i = 0; i < R; i++)
    for (let j = 0; j < C; j++) if (s[i]?.[j] && !connectedWithout(s, R, C, i, j)) return [i, j];
  return undefined;
}

/** Whether row i and column j are joined by suppressed cells other than (i, j) itself. */
function connectedWithout(s: boolean[][], R: number, C: number, i: number, j: number): boolean {
  // Nodes: rows 0..R-1, columns R..R+C-1.
  const seen = new Set<number>([i]);
  const queue = [i];
  while (queue.length > 0) {
    const node = queue.pop() as number;
    if (node === R + j) return true;
    const next: number[] = [];
    if (node < R) {
      for (let c = 0; c < C; c++) if (s[node]?.[c] && !(node === i && c === j)) next.push(R + c);
    } else {
      const c = node - R;
      for (let r = 0; r < R; r++) if (s[r]?.[c] && !(r === i && c === j)) next.push(r);
    }
    for (const n of next) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return false;
}

/**
 * Puts the cell (i, j) on a rectangle i, j, k, l: suppresses the fewest and smallest other cells,
 * avoiding zeros (a zero in the cycle would pin the cell at one end of its range).
 */
function closeCycle(v: number[][], s: boolean[][], [i, j]: [number, number], R: number, C: number) {
  let best: { cost: number; cells: [number, number][] } | undefined;
  for (let k = 0; k < R; k++) {
    if (k === i) continue;
    for (let l = 0; l < C; l++) {
      if (l === j) continue;
      const corners: [number, number][] = [
        [i, l],
        [k, j],
        [k, l],
      ];
      const added = corners.filter(([a, b]) => !s[a]?.[b]);
      const zeros = corners.filter(([a, b]) => (v[a]?.[b] ?? 0) === 0).length;
      const cost =
        zeros * 1e9 + added.length * 1e6 + added.reduce((sum, [a, b]) => sum + (v[a]?.[b] ?? 0), 0);
      if (!best || cost < best.cost) best = { cost, cells: added };
    }
  }
  for (const [a, b] of best?.cells ?? []) (s[a] as boolean[])[b] = true;
}

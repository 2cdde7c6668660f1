/*
 * What subtraction from published totals can reach: linear algebra over the sums a table with its
 * margins obeys, independent of the suppression it checks (src/statistics/suppression.ts).
 */

/** The sums a table with margins obeys, as rows of coefficients over its cells (row-major). */
function equations(R: number, C: number): number[][] {
  const at = (i: number, j: number) => i * C + j;
  const eqs: number[][] = [];
  for (let i = 0; i < R; i++) {
    const e = Array<number>(R * C).fill(0);
    for (let j = 0; j < C - 1; j++) e[at(i, j)] = 1;
    e[at(i, C - 1)] = -1;
    eqs.push(e);
  }
  for (let j = 0; j < C; j++) {
    const e = Array<number>(R * C).fill(0);
    for (let i = 0; i < R - 1; i++) e[at(i, j)] = 1;
    e[at(R - 1, j)] = -1;
    eqs.push(e);
  }
  return eqs;
}

function rank(m: number[][]): number {
  const a = m.map((r) => [...r]);
  let r = 0;
  const cols = a[0]?.length ?? 0;
  for (let c = 0; c < cols && r < a.length; c++) {
    const p = a.findIndex((row, i) => i >= r && Math.abs(row[c] ?? 0) > 1e-9);
    if (p < 0) continue;
    [a[r], a[p]] = [a[p] as number[], a[r] as number[]];
    const pivot = a[r] as number[];
    for (let i = 0; i < a.length; i++) {
      if (i === r) continue;
      const row = a[i] as number[];
      const f = (row[c] ?? 0) / (pivot[c] ?? 1);
      if (f !== 0) for (let k = 0; k < cols; k++) row[k] = (row[k] ?? 0) - f * (pivot[k] ?? 0);
    }
    r++;
  }
  return r;
}

/** The suppressed cells that the published values and the sums determine exactly. */
export function derivable(suppressed: boolean[][]): [number, number][] {
  const R = suppressed.length;
  const C = suppressed[0]?.length ?? 0;
  const hidden: [number, number][] = [];
  suppressed.forEach((row, i) => {
    row.forEach((s, j) => s && hidden.push([i, j]));
  });
  const system = equations(R, C).map((e) => hidden.map(([i, j]) => e[i * C + j] ?? 0));
  const base = rank(system);
  return hidden.filter((_, k) => rank([...system, hidden.map((_, l) => (l === k ? 1 : 0))]) === base);
}

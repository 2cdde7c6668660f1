import { sql, type RawBuilder } from 'kysely';
import { PROCEDURES } from '../contract/procedures.js';
import {
  OPEN_DATA_MEASURES,
  OPEN_DATA_ROWS,
  type OpenDataTable,
  type OpenDataView,
} from '../contract/statistics.js';
import type { Queryable } from '../db/database.js';
import { toCsv } from './csv.js';
import { suppress } from './suppression.js';

/*
 * The public figures (lifecycle.md §3, asked by Parliament): per year, filings, permits granted and
 * refused by region and by citizenship, each cut by procedure, with small cells suppressed. Each
 * table is protected with its own margins; tables share only margins, which are published alike.
 */

export const OPEN_DATA_THRESHOLD = 5;

const MEASURE: Record<(typeof OPEN_DATA_MEASURES)[number], RawBuilder<unknown>> = {
  filings: sql`event = 'filed'`,
  // A single permit is granted by the residence decision that follows the work decision.
  granted: sql`event = 'decision' and outcome = 'granted' and (procedure <> 'single_permit' or decision_kind = 'residence')`,
  refused: sql`event = 'decision' and outcome = 'refused'`,
};

const ROW: Record<(typeof OPEN_DATA_ROWS)[number], RawBuilder<unknown>> = {
  region: sql`coalesce(region, 'unknown')`,
  citizenship: sql`coalesce(citizenship, 'unknown')`,
};

/** One published table from its raw counts: rows sorted, suppressed cells and margins as null. */
export function publishTable(
  measure: OpenDataTable['measure'],
  rows: OpenDataTable['rows'],
  counts: ReadonlyMap<string, readonly number[]>,
  threshold = OPEN_DATA_THRESHOLD,
): OpenDataTable {
  const keys = [...counts.keys()].sort();
  const C = PROCEDURES.length;
  const { values, suppressed } = suppress(
    keys.map((k) => counts.get(k) ?? []),
    C,
    threshold,
  );
  const shown = (i: number, j: number) => (suppressed[i]?.[j] ? null : (values[i]?.[j] ?? 0));
  const R = keys.length;
  return {
    measure,
    rows,
    columns: [...PROCEDURES],
    cells: keys.map((row, i) => ({
      row,
      values: PROCEDURES.map((_, j) => shown(i, j)),
      total: shown(i, C),
    })),
    columnTotals: PROCEDURES.map((_, j) => shown(R, j)),
    total: shown(R, C),
  };
}

export async function openData(db: Queryable, year: number): Promise<OpenDataView> {
  const tables: OpenDataTable[] = [];
  for (const measure of OPEN_DATA_MEASURES) {
    for (const rows of OPEN_DATA_ROWS) {
      const { rows: found } = await sql<{ key: string; procedure: string; n: number }>`
        select ${ROW[rows]} as "key", procedure, count(*)::int as n
          from statistic_fact
         where year = ${year} and procedure is not null and ${MEASURE[measure]}
         group by 1, 2`.execute(db);
      const counts = new Map<string, number[]>();
      for (const r of found) {
        const line = counts.get(r.key) ?? PROCEDURES.map(() => 0);
        line[PROCEDURES.indexOf(r.procedure as (typeof PROCEDURES)[number])] = r.n;
        counts.set(r.key, line);
      }
      tables.push(publishTable(measure, rows, counts));
    }
  }
  return { year, threshold: OPEN_DATA_THRESHOLD, tables };
}

/** One line per published value, margins named `total`; a suppressed value is an empty field. */
export function openDataCsv(view: OpenDataView): string {
  const lines: (string | number | null)[][] = [];
  for (const t of view.tables) {
    for (const c of t.cells) {
      t.columns.forEach((col, j) =>
        lines.push([view.year, t.measure, t.rows, c.row, col, c.values[j] ?? null]),
      );
      lines.push([view.year, t.measure, t.rows, c.row, 'total', c.total]);
    }
    t.columns.forEach((col, j) =>
      lines.push([view.year, t.measure, t.rows, 'total', col, t.columnTotals[j] ?? null]),
    );
    lines.push([view.year, t.measure, t.rows, 'total', 'total', t.total]);
  }
  return toCsv(['year', 'measure', 'rows', 'row', 'column', 'value'], lines);
}

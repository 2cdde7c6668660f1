import { sql, type RawBuilder } from 'kysely';
import type { Region } from '../contract/regions.js';
import type { Category, Procedure } from '../contract/procedures.js';
import type { DashboardDimension, DashboardRow, DashboardView } from '../contract/statistics.js';
import type { Queryable } from '../db/database.js';

/*
 * The dashboards' aggregates (lifecycle.md §3): counted in the database over the facts, grouped by
 * one dimension, so a million facts never travel to the process.
 */

export interface DashboardQuery {
  from: string;
  to: string;
  by: DashboardDimension;
  region: Region | null;
  procedure?: Procedure | undefined;
  category?: Category | undefined;
}

const KEY: Record<DashboardDimension, RawBuilder<unknown>> = {
  month: sql`(year * 100 + month)::text`,
  procedure: sql`procedure`,
  category: sql`category`,
  nationality: sql`citizenship`,
  sex: sql`sex`,
  ageBand: sql`age_band`,
  region: sql`region`,
};

const MEASURES = sql`
  count(*) filter (where event = 'filed')::int as "filings",
  count(*) filter (where event = 'admissibility' and outcome = 'admissible')::int as "admissible",
  count(*) filter (where event = 'admissibility' and outcome = 'inadmissible')::int as "inadmissible",
  count(*) filter (where event = 'documents_requested')::int as "documentRequests",
  count(*) filter (where event = 'decision' and outcome = 'granted')::int as "granted",
  count(*) filter (where event = 'decision' and outcome = 'refused')::int as "refused",
  count(*) filter (where event = 'application_withdrawn')::int as "withdrawnByApplicant",
  count(*) filter (where event = 'permit_withdrawn')::int as "permitsWithdrawn",
  count(*) filter (where event = 'permit_ended')::int as "ended",
  count(*) filter (where event = 'decision')::int as "decided",
  percentile_cont(0.5) within group (order by days_taken) filter (where days_taken is not null) as "medianDays",
  percentile_cont(0.9) within group (order by days_taken) filter (where days_taken is not null) as "p90Days",
  count(*) filter (where within_deadline)::int as "withinDeadline",
  count(*) filter (where not within_deadline)::int as "pastDeadline"`;

type RawRow = Omit<DashboardRow, 'key' | 'medianDays' | 'p90Days'> & {
  key: string | null;
  medianDays: number | string | null;
  p90Days: number | string | null;
};

const monthKey = (ym: string) => Number(ym.replace('-', ''));

export async function dashboard(db: Queryable, q: DashboardQuery): Promise<DashboardView> {
  const from = monthKey(q.from);
  const to = monthKey(q.to);
  const where = sql`event <> 'ex_officio'
    and year between ${Math.floor(from / 100)} and ${Math.floor(to / 100)}
    and (year * 100 + month) between ${from} and ${to}
    ${q.region ? sql`and region = ${q.region}` : sql``}
    ${q.procedure ? sql`and procedure = ${q.procedure}` : sql``}
    ${q.category ? sql`and category = ${q.category}` : sql``}`;
  const key = KEY[q.by];
  const grouped = await sql<RawRow>`
    select ${key} as "key", ${MEASURES} from statistic_fact where ${where}
    group by 1 order by 1`.execute(db);
  const total = await sql<RawRow>`
    select 'total' as "key", ${MEASURES} from statistic_fact where ${where}`.execute(db);
  const shape = (r: RawRow): DashboardRow => ({
    ...r,
    key:
      q.by === 'month' && r.key !== 'total' && r.key
        ? `${r.key.slice(0, 4)}-${r.key.slice(4)}`
        : (r.key ?? 'unknown'),
    medianDays: r.medianDays === null ? null : Number(r.medianDays),
    p90Days: r.p90Days === null ? null : Number(r.p90Days),
  });
  return {
    from: q.from,
    to: q.to,
    by: q.by,
    region: q.region,
    rows: grouped.rows.map(shape),
    total: shape(total.rows[0] ?? emptyRow()),
  };
}

const emptyRow = (): RawRow => ({
  key: 'total',
  filings: 0,
  admissible: 0,
  inadmissible: 0,
  documentRequests: 0,
  granted: 0,
  refused: 0,
  withdrawnByApplicant: 0,
  permitsWithdrawn: 0,
  ended: 0,
  decided: 0,
  medianDays: null,
  p90Days: null,
  withinDeadline: 0,
  pastDeadline: 0,
});

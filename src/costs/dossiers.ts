import { sql } from 'kysely';
import { REGIONS, type Region } from '../contract/regions.js';
import type { Queryable } from '../db/database.js';

/** The months a period covers, as `year * 100 + month`: a year, or a quarter (`2026-Q2`). */
export function monthsOf(period: string): { from: number; to: number } {
  const year = Number(period.slice(0, 4));
  const quarter = /-Q([1-4])$/.exec(period)?.[1];
  if (!quarter) return { from: year * 100 + 1, to: year * 100 + 12 };
  const first = (Number(quarter) - 1) * 3 + 1;
  return { from: year * 100 + first, to: year * 100 + first + 2 };
}

/** Where the default regional key comes from: the dossiers filed per region in a period. */
export type DossiersPerRegion = (db: Queryable, period: string) => Promise<Record<Region, number>>;

/**
 * Counted from the anonymous facts (one `filed` fact per filing), so the key of a past period does
 * not change when its dossiers are deleted at the end of their retention.
 */
export const dossiersPerRegion: DossiersPerRegion = async (db, period) => {
  const { from, to } = monthsOf(period);
  const rows = await db
    .selectFrom('statistic_fact')
    .select(['region', (eb) => eb.fn.countAll<string>().as('n')])
    .where('event', '=', 'filed')
    .where(sql<number>`year * 100 + month`, '>=', from)
    .where(sql<number>`year * 100 + month`, '<=', to)
    .groupBy('region')
    .execute();
  const counts = Object.fromEntries(REGIONS.map((r) => [r, 0])) as Record<Region, number>;
  for (const row of rows)
    if (row.region && row.region in counts) counts[row.region as Region] = Number(row.n);
  return counts;
};

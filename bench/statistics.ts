// The statistics of `npm run bench`: a million anonymous facts generated in one SQL statement
// (spread over five years, four regions, the categories and 20 citizenships), then a year's
// dashboard, a region's dashboard by nationality and a Eurostat year are timed. Prints, asserts nothing.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';
import { dashboard } from '../src/statistics/dashboard.js';
import { eurostatYear } from '../src/statistics/eurostat.js';
import { openData } from '../src/statistics/open-data.js';

const pick = (list: readonly string[], salt: number) =>
  sql.raw(
    `(array[${list.map((v) => `'${v}'`).join(',')}])[1 + abs(hashint4(g + ${String(salt)})) % ${String(list.length)}]`,
  );

export async function seedFacts(db: Db, count: number): Promise<void> {
  const events = [
    'filed',
    'filed',
    'admissibility',
    'documents_requested',
    'decision',
    'decision',
    'decision',
    'application_withdrawn',
    'permit_withdrawn',
    'permit_ended',
  ];
  const categories = [
    'single_permit',
    'single_permit',
    'single_permit',
    'eu_blue_card',
    'seasonal_worker',
    'intra_corporate_transferee',
    'researcher',
    'trainee',
    'volunteer',
    'work_permit',
    'professional_card',
  ];
  const citizenships = 'IN MA TR CN US BR PH UA RU JP KR NG EG PK TN DZ CO MX VN ID'.split(' ');
  await sql`
    insert into statistic_fact (event, year, month, procedure, category, long_term_mobility, region,
      decision_kind, outcome, application_kind, reason, validity_months, citizenship, sex, age_band,
      isco2, nace_division, ict_role, previous_member_state, days_taken, deadline_days, within_deadline)
    select f.event, 2022 + abs(hashint4(g)) % 5, 1 + abs(hashint4(g + 1)) % 12,
           case when f.category = 'work_permit' then 'work_permit' when f.category = 'professional_card' then 'professional_card' else 'single_permit' end,
           f.category, abs(hashint4(g + 2)) % 10 = 0, ${pick(['flanders', 'wallonia', 'brussels', 'ostbelgien'], 3)},
           case when f.event = 'decision' then ${pick(['work', 'residence', 'residence'], 4)} when f.event like 'permit%' then 'residence' end,
           case when f.event = 'decision' then ${pick(['granted', 'granted', 'granted', 'refused'], 5)}
                when f.event like '%withdrawn' then 'withdrawn' when f.event = 'permit_ended' then 'ended' end,
           ${pick(['first', 'first', 'renewal', 'change_of_employer'], 6)}, 'remunerated', 1 + abs(hashint4(g + 7)) % 36,
           ${pick(citizenships, 8)}, ${pick(['F', 'M'], 9)}, ${pick(['15-24', '25-34', '35-44', '45-54', '55-64'], 10)},
           ${pick(['12', '21', '25', '31', '51', '61', '71', '83', '92'], 11)}, ${pick(['01', '10', '41', '55', '62', '86'], 12)},
           ${pick(['manager', 'specialist', 'trainee'], 13)}, ${pick(['DE', 'NL', 'FR'], 14)},
           abs(hashint4(g + 15)) % 150, 90, abs(hashint4(g + 15)) % 150 <= 90
      from generate_series(1, ${count}) g,
           lateral (select ${pick(events, 16)} as event, ${pick(categories, 17)} as category) f`.execute(db);
  await sql`analyze statistic_fact`.execute(db);
}

async function time(label: string, fn: () => Promise<unknown>) {
  const start = performance.now();
  await fn();
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(7)} ms`);
}

export async function benchStatistics(db: Db, count: number): Promise<void> {
  await time(`seed ${count.toLocaleString('en')} anonymous facts (one statement)`, () =>
    seedFacts(db, count),
  );
  const year = { from: '2025-01', to: '2025-12', region: null } as const;
  await time('dashboard: a year by month, all regions', () => dashboard(db, { ...year, by: 'month' }));
  await time('dashboard: a region’s year by nationality', () =>
    dashboard(db, { ...year, by: 'nationality', region: 'wallonia' }),
  );
  await time('Eurostat: the 15 datasets of a year, checked', () => eurostatYear(db, 2025));
  await time('open data: a year, suppressed', () => openData(db, 2025));
}

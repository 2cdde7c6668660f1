import { sql } from 'kysely';
import type { Category } from '../contract/procedures.js';
import type { EurostatIndexView } from '../contract/statistics.js';
import type { Queryable } from '../db/database.js';
import { naceSectionOf, validityBand } from '../rules/statistics-codes.js';
import { toCsv } from './csv.js';

/*
 * The yearly tables DVZ transmits to Eurostat (Art. 31; Regulation (EC) 862/2007 Art. 6 as amended
 * by Regulation (EU) 2020/851), computed from the anonymous facts of the year. The mapping of each
 * dataset, its population and its code lists is in docs/statistics.md.
 */

/** One group of identical facts of the year: the columns the tables need, and how many. */
export interface FactGroup {
  event: string;
  category: string | null;
  long_term_mobility: boolean;
  decision_kind: string | null;
  outcome: string | null;
  application_kind: string | null;
  reason: string | null;
  validity_months: number | null;
  citizenship: string | null;
  sex: string | null;
  isco2: string | null;
  nace_division: string | null;
  ict_role: string | null;
  previous_member_state: string | null;
  n: number;
}

type Code = string | undefined;
type Dimension = { name: string; of: (f: FactGroup) => Code };

/** Who a dataset counts: permit decisions of these categories, with or without long-term mobility. */
interface Population {
  categories: readonly Category[];
  longTermMobility?: boolean;
}

export interface Dataset {
  dataset: string;
  title: string;
  population: Population;
  dimensions: readonly Dimension[];
  /** A dataset the platform holds no facts for (DVZ completes it from its own register). */
  outOfScope?: string;
}

const DECISION: Dimension = {
  name: 'DECISION',
  of: (f) => {
    if (f.event === 'permit_withdrawn') return 'WDR';
    if (f.outcome === 'refused') return 'REJ';
    if (f.outcome !== 'granted') return undefined;
    return { first: 'FIRST', renewal: 'RENEW', change_of_employer: 'CHG' }[f.application_kind ?? 'first'];
  },
};
const CITIZEN: Dimension = { name: 'CITIZEN', of: (f) => f.citizenship ?? 'UNK' };
const DURATION: Dimension = {
  name: 'DURATION',
  of: (f) => (f.outcome === 'granted' ? validityBand(f.validity_months) : 'NAP'),
};
const REASON: Dimension = {
  name: 'REASON',
  of: (f) =>
    ({ remunerated: 'OCC', family: 'FAM', education: 'EDUC', other: 'OTH' })[f.reason ?? 'remunerated'],
};
const ISCO08: Dimension = { name: 'ISCO08', of: (f) => (f.isco2 ? `OC${f.isco2}` : 'UNK') };
const NACE: Dimension = { name: 'NACE_R2', of: (f) => naceSectionOf(f.nace_division ?? undefined) ?? 'UNK' };
const SEX: Dimension = { name: 'SEX', of: (f) => (f.sex === 'F' || f.sex === 'M' ? f.sex : 'UNK') };
const ICT_ROLE: Dimension = {
  name: 'ICT_ROLE',
  of: (f) => (f.ict_role ? { manager: 'MGR', specialist: 'SPEC', trainee: 'TRAINEE' }[f.ict_role] : 'UNK'),
};
const PREV_MS: Dimension = { name: 'PREV_MS', of: (f) => f.previous_member_state ?? 'UNK' };
const PURPOSE: Dimension = {
  name: 'REASON',
  of: (f) => ({ trainee: 'TRAIN', volunteer: 'VOL' })[f.category as 'trainee' | 'volunteer'],
};

const ICT: Population = { categories: ['intra_corporate_transferee'], longTermMobility: false };
const ICT_LTM: Population = { categories: ['intra_corporate_transferee'], longTermMobility: true };

export const DATASETS: readonly Dataset[] = [
  {
    dataset: 'migr_ressing',
    title: 'Single permits by type of decision, reason, length of validity and citizenship',
    population: { categories: ['single_permit'] },
    dimensions: [DECISION, REASON, DURATION, CITIZEN],
  },
  {
    dataset: 'migr_resbc1',
    title: 'EU Blue Cards by type of decision, occupation and citizenship',
    population: { categories: ['eu_blue_card'] },
    dimensions: [DECISION, ISCO08, CITIZEN],
  },
  {
    dataset: 'migr_resbc2',
    title: 'Admitted family members of EU Blue Card holders by type of decision and citizenship',
    population: { categories: [] },
    dimensions: [DECISION, CITIZEN],
    outOfScope: 'family members are admitted outside the platform (DVZ register)',
  },
  {
    dataset: 'migr_resbc3',
    title: 'EU Blue Card holders by Member State of previous residence',
    population: { categories: ['eu_blue_card'] },
    dimensions: [DECISION, PREV_MS, CITIZEN],
  },
  {
    dataset: 'migr_ressw1_1',
    title: 'Authorisations for seasonal work by type of decision, economic activity, sex and citizenship',
    population: { categories: ['seasonal_worker'] },
    dimensions: [DECISION, NACE, SEX, CITIZEN],
  },
  {
    dataset: 'migr_ressw2',
    title: 'Authorisations for seasonal work by type of decision, length of validity and citizenship',
    population: { categories: ['seasonal_worker'] },
    dimensions: [DECISION, DURATION, CITIZEN],
  },
  {
    dataset: 'migr_resict1_1',
    title: 'Intra-corporate transferee permits by type of decision, role and citizenship',
    population: ICT,
    dimensions: [DECISION, ICT_ROLE, CITIZEN],
  },
  {
    dataset: 'migr_resict1_2',
    title: 'Intra-corporate transferee permits by type of decision, occupation and citizenship',
    population: ICT,
    dimensions: [DECISION, ISCO08, CITIZEN],
  },
  {
    dataset: 'migr_resict1_3',
    title: 'Intra-corporate transferee permits by type of decision, length of validity and citizenship',
    population: ICT,
    dimensions: [DECISION, DURATION, CITIZEN],
  },
  {
    dataset: 'migr_resict2_1',
    title:
      'Long-term mobility permits of intra-corporate transferees by type of decision, role and citizenship',
    population: ICT_LTM,
    dimensions: [DECISION, ICT_ROLE, CITIZEN],
  },
  {
    dataset: 'migr_resict2_2',
    title: 'Long-term mobility permits of intra-corporate transferees by Member State of previous residence',
    population: ICT_LTM,
    dimensions: [DECISION, PREV_MS, CITIZEN],
  },
  {
    dataset: 'migr_resict3',
    title: 'Intra-corporate transferee permits by type of decision, economic activity and citizenship',
    population: ICT,
    dimensions: [DECISION, NACE, CITIZEN],
  },
  {
    dataset: 'migr_ressrath',
    title: 'Researchers by type of decision, length of validity and citizenship',
    population: { categories: ['researcher'], longTermMobility: false },
    dimensions: [DECISION, DURATION, CITIZEN],
  },
  {
    dataset: 'migr_ressrltm',
    title:
      'Long-term mobility of researchers by type of decision, Member State of previous residence and citizenship',
    population: { categories: ['researcher'], longTermMobility: true },
    dimensions: [DECISION, PREV_MS, CITIZEN],
  },
  {
    dataset: 'migr_ressrntf',
    title: 'Trainees and volunteers by type of decision, purpose and citizenship',
    population: { categories: ['trainee', 'volunteer'] },
    dimensions: [DECISION, PURPOSE, CITIZEN],
  },
];

/** The datasets whose totals must agree: the same population cut by other dimensions. */
const AGREEING: readonly (readonly string[])[] = [
  ['migr_resbc1', 'migr_resbc3'],
  ['migr_ressw1_1', 'migr_ressw2'],
  ['migr_resict1_1', 'migr_resict1_2', 'migr_resict1_3', 'migr_resict3'],
  ['migr_resict2_1', 'migr_resict2_2'],
];

/**
 * A permit decision in Eurostat's sense, for a single permit (procedure a): the residence decision
 * that grants or refuses the permit, a refusal of work (which ends the application), or the
 * withdrawal of the residence (DVZ withdraws the permit; counting the work withdrawal too would
 * count one permit twice).
 */
const PERMIT_DECISION = sql`procedure = 'single_permit' and (
  (event = 'decision' and decision_kind = 'residence')
  or (event = 'decision' and decision_kind = 'work' and outcome = 'refused')
  or (event = 'permit_withdrawn' and decision_kind = 'residence'))`;

const inPopulation = (p: Population, f: FactGroup) =>
  p.categories.includes(f.category as Category) &&
  (p.longTermMobility === undefined || p.longTermMobility === f.long_term_mobility);

export interface EurostatTable {
  dataset: Dataset;
  header: string[];
  rows: (string | number)[][];
  total: number;
}

export interface EurostatYear {
  year: number;
  tables: EurostatTable[];
  checks: EurostatIndexView['checks'];
  consistent: boolean;
}

/** The year's facts in groups of identical columns: few rows, whatever the number of facts. */
async function factGroups(db: Queryable, year: number): Promise<FactGroup[]> {
  const { rows } = await sql<FactGroup>`
    select event, category, long_term_mobility, decision_kind, outcome, application_kind, reason,
           validity_months, citizenship, sex, isco2, nace_division, ict_role, previous_member_state,
           count(*)::int as n
      from statistic_fact
     where year = ${year} and ${PERMIT_DECISION}
     group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14`.execute(db);
  return rows;
}

/**
 * Counted apart from the tables, in the database: how many permit decisions each category holds,
 * with and without long-term mobility, whatever the code lists make of them.
 */
async function populationCounts(db: Queryable, year: number) {
  const { rows } = await sql<{ category: string | null; long_term_mobility: boolean; n: number }>`
    select category, long_term_mobility, count(*)::int as n from statistic_fact
     where year = ${year} and ${PERMIT_DECISION}
     group by 1, 2`.execute(db);
  return (p: Population) =>
    rows.filter((r) => inPopulation(p, { ...r } as unknown as FactGroup)).reduce((sum, r) => sum + r.n, 0);
}

export function tabulate(dataset: Dataset, year: number, groups: readonly FactGroup[]): EurostatTable {
  const cells = new Map<string, number>();
  let total = 0;
  for (const f of groups) {
    if (!inPopulation(dataset.population, f)) continue;
    const codes = dataset.dimensions.map((d) => d.of(f));
    // A fact no code list can place is left out, and the check of the totals says so.
    if (codes.some((c) => c === undefined)) continue;
    const key = codes.join('\u0000');
    cells.set(key, (cells.get(key) ?? 0) + f.n);
    total += f.n;
  }
  const rows = [...cells.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, n]) => [dataset.dataset, 'BE', String(year), ...key.split('\u0000'), 'PER', n]);
  return {
    dataset,
    header: ['DATASET', 'GEO', 'TIME_PERIOD', ...dataset.dimensions.map((d) => d.name), 'UNIT', 'OBS_VALUE'],
    rows,
    total,
  };
}

export async function eurostatYear(db: Queryable, year: number): Promise<EurostatYear> {
  const groups = await factGroups(db, year);
  const tables = DATASETS.map((d) => tabulate(d, year, groups));
  const totalOf = (name: string) => tables.find((t) => t.dataset.dataset === name)?.total ?? 0;
  const checks: EurostatIndexView['checks'] = [];
  const populationCount = await populationCounts(db, year);
  for (const t of tables) {
    const counted = populationCount(t.dataset.population);
    checks.push({
      name: `${t.dataset.dataset} against its population`,
      totals: { [t.dataset.dataset]: t.total, population: counted },
      ok: t.total === counted,
    });
  }
  for (const names of AGREEING) {
    const totals = Object.fromEntries(names.map((n) => [n, totalOf(n)]));
    checks.push({
      name: names.join(' = '),
      totals,
      ok: new Set(Object.values(totals)).size === 1,
    });
  }
  return { year, tables, checks, consistent: checks.every((c) => c.ok) };
}

export const csvOf = (table: EurostatTable) => toCsv(table.header, table.rows);

export const indexOf = (y: EurostatYear): EurostatIndexView => ({
  year: y.year,
  consistent: y.consistent,
  checks: y.checks,
  datasets: y.tables.map((t) => ({
    dataset: t.dataset.dataset,
    title: t.dataset.title,
    rows: t.rows.length,
    total: t.total,
  })),
});

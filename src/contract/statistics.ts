import { z } from 'zod';
import { PROCEDURES, CATEGORIES } from './procedures.js';
import { REGIONS } from './regions.js';

/*
 * What the statistics show (lifecycle.md §3, Art. 31-32): the code lists the application asks for
 * the facts, and the answers of the dashboard, Eurostat and open-data routes.
 */

/** Whether the permit applied for is the person's first, a renewal or one for a new employer (Eurostat "type of decision"). */
export const APPLICATION_KINDS = ['first', 'renewal', 'change_of_employer'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/**
 * The reason for which a single permit is issued, in Eurostat's residence-permit reasons:
 * remunerated activities, family, education, other (permits for other reasons that carry the
 * right to work count as single permits too).
 */
export const PERMIT_REASONS = ['remunerated', 'family', 'education', 'other'] as const;
export type PermitReason = (typeof PERMIT_REASONS)[number];

export const AGE_BANDS = ['15-24', '25-34', '35-44', '45-54', '55-64', '65+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Which moment of a dossier a fact records; `ex_officio` is a region's note without a dossier (Art. 32 4°). */
export const FACT_EVENTS = [
  'filed',
  'admissibility',
  'documents_requested',
  'decision',
  'application_withdrawn',
  'permit_withdrawn',
  'permit_ended',
  'ex_officio',
] as const;
export type FactEvent = (typeof FACT_EVENTS)[number];

export const DASHBOARD_DIMENSIONS = [
  'month',
  'procedure',
  'category',
  'nationality',
  'sex',
  'ageBand',
  'region',
] as const;
export type DashboardDimension = (typeof DASHBOARD_DIMENSIONS)[number];

const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const DashboardQuery = z
  .object({
    from: YearMonth.optional().describe('First month, inclusive (default: eleven months before this one)'),
    to: YearMonth.optional().describe('Last month, inclusive (default: this month)'),
    by: z.enum(DASHBOARD_DIMENSIONS).default('month'),
    region: z.enum(REGIONS).optional(),
    procedure: z.enum(PROCEDURES).optional(),
    category: z.enum(CATEGORIES).optional(),
    format: z.enum(['json', 'csv']).optional(),
  })
  .strict();

export const DASHBOARD_MEASURES = [
  'filings',
  'admissible',
  'inadmissible',
  'documentRequests',
  'granted',
  'refused',
  'withdrawnByApplicant',
  'permitsWithdrawn',
  'ended',
  'decided',
  'medianDays',
  'p90Days',
  'withinDeadline',
  'pastDeadline',
] as const;

const count = z.number().int().nonnegative();
export const DashboardRow = z.object({
  key: z.string(),
  filings: count,
  admissible: count,
  inadmissible: count,
  documentRequests: count,
  granted: count,
  refused: count,
  withdrawnByApplicant: count,
  permitsWithdrawn: count,
  ended: count,
  decided: count,
  medianDays: z.number().nullable().describe('Days from filing to decision; null when nothing was decided'),
  p90Days: z.number().nullable(),
  withinDeadline: count,
  pastDeadline: count,
});
export type DashboardRow = z.infer<typeof DashboardRow>;

export const DashboardView = z
  .object({
    from: YearMonth,
    to: YearMonth,
    by: z.enum(DASHBOARD_DIMENSIONS),
    region: z.enum(REGIONS).nullable().describe('The region the figures are limited to; null: all'),
    rows: z.array(DashboardRow),
    total: DashboardRow,
  })
  .meta({ id: 'StatisticsDashboard', description: 'Aggregates of the anonymous facts (lifecycle.md §3)' });
export type DashboardView = z.infer<typeof DashboardView>;

export const EurostatIndexView = z
  .object({
    year: z.number().int(),
    consistent: z.boolean(),
    checks: z.array(
      z.object({ name: z.string(), totals: z.record(z.string(), z.number().int()), ok: z.boolean() }),
    ),
    datasets: z.array(
      z.object({ dataset: z.string(), title: z.string(), rows: z.number().int(), total: z.number().int() }),
    ),
  })
  .meta({
    id: 'EurostatIndex',
    description: 'The Eurostat datasets of a year and the check of their totals',
  });
export type EurostatIndexView = z.infer<typeof EurostatIndexView>;

export const OPEN_DATA_MEASURES = ['filings', 'granted', 'refused'] as const;
export const OPEN_DATA_ROWS = ['region', 'citizenship'] as const;

export const OpenDataTable = z.object({
  measure: z.enum(OPEN_DATA_MEASURES),
  rows: z.enum(OPEN_DATA_ROWS),
  columns: z.array(z.enum(PROCEDURES)),
  cells: z.array(
    z.object({
      row: z.string(),
      values: z.array(z.number().int().nullable()),
      total: z.number().int().nullable(),
    }),
  ),
  columnTotals: z.array(z.number().int().nullable()),
  total: z.number().int().nullable(),
});
export type OpenDataTable = z.infer<typeof OpenDataTable>;

export const OpenDataView = z
  .object({
    year: z.number().int(),
    threshold: z.number().int().describe('Cells under this count are suppressed (null)'),
    tables: z.array(OpenDataTable),
  })
  .meta({
    id: 'OpenDataPermits',
    description:
      'Yearly counts by region, procedure and citizenship; null marks a suppressed cell (under the threshold, or one that would let such a cell be computed back from a total)',
  });
export type OpenDataView = z.infer<typeof OpenDataView>;

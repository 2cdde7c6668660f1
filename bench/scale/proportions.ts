import type { Category, Procedure } from '../../src/contract/procedures.js';
import type { Region } from '../../src/contract/regions.js';

/*
 * The proportions of the generated population. Each table names where its figures come from in
 * docs/performance.md ("Proportions and their sources"); where no public figure was found the
 * weight is an assumption and says so there.
 */

export type Weighted<T> = readonly (readonly [T, number])[];

/** Competent region (R-PROC-4): Flanders about 65 %, then Brussels, Wallonia, the German-speaking Community. */
export const REGION_WEIGHTS: Weighted<Region> = [
  ['flanders', 65],
  ['brussels', 20],
  ['wallonia', 14],
  ['ostbelgien', 1],
];

/** Workplace postcodes of each region, so the region the rules derive is the region drawn. */
export const POSTCODES: Record<Region, readonly string[]> = {
  flanders: ['2000', '9000', '3000', '8000', '2800', '3500', '8500', '9300'],
  brussels: ['1000', '1040', '1050', '1060', '1200'],
  wallonia: ['4000', '5000', '6000', '7000', '1300', '1400'],
  ostbelgien: ['4700', '4780'],
};

export const PROCEDURE_WEIGHTS: Weighted<Procedure> = [
  ['single_permit', 78],
  ['work_permit', 14],
  ['professional_card', 8],
];

export const SINGLE_PERMIT_CATEGORIES: Weighted<Category> = [
  ['single_permit', 62],
  ['eu_blue_card', 14],
  ['intra_corporate_transferee', 8],
  ['researcher', 7],
  ['seasonal_worker', 4],
  ['trainee', 2],
  ['volunteer', 1],
  ['other_eu_directive', 2],
];

/** Citizenship of the workers (ISO 3166 alpha-2), weighted after first permits for remunerated activities. */
export const NATIONALITY_WEIGHTS: Weighted<string> = [
  ['IN', 22],
  ['US', 7],
  ['GB', 6],
  ['JP', 5],
  ['CN', 5],
  ['TR', 5],
  ['MA', 5],
  ['BR', 4],
  ['PH', 4],
  ['UA', 4],
  ['PK', 3],
  ['TN', 3],
  ['RU', 2],
  ['CA', 2],
  ['NG', 2],
  ['CM', 2],
  ['CO', 2],
  ['VN', 2],
  ['EG', 2],
  ['KR', 2],
  ['MX', 2],
  ['ZA', 2],
  ['IR', 2],
  ['DZ', 2],
  ['SN', 1],
  ['AU', 1],
  ['AR', 1],
];

/** Age at filing, by the Eurostat bands the statistics use. */
export const AGE_WEIGHTS: Weighted<readonly [number, number]> = [
  [[18, 24], 9],
  [[25, 34], 46],
  [[35, 44], 30],
  [[45, 54], 11],
  [[55, 64], 4],
];

export const SEX_WEIGHTS: Weighted<'F' | 'M' | 'X'> = [
  ['M', 66],
  ['F', 33],
  ['X', 1],
];

export const LANGUAGE_OF_REGION: Record<Region, Weighted<'nl' | 'fr' | 'de' | 'en'>> = {
  flanders: [
    ['nl', 80],
    ['en', 20],
  ],
  brussels: [
    ['fr', 55],
    ['nl', 15],
    ['en', 30],
  ],
  wallonia: [
    ['fr', 90],
    ['en', 10],
  ],
  ostbelgien: [
    ['de', 85],
    ['fr', 10],
    ['en', 5],
  ],
};

/**
 * Where a dossier stands today. A dossier older than four months has reached an end of its
 * procedure; a younger one may still be anywhere on the way. Drafts exist only in the last 180
 * days: older idle drafts are deleted by the daily sweep.
 */
export type Target =
  | 'draft'
  | 'filed'
  | 'incomplete'
  | 'admissible'
  | 'inadmissible'
  | 'work_granted'
  | 'work_refused'
  | 'residence_granted'
  | 'residence_refused'
  | 'issued'
  | 'withdrawn_by_applicant'
  | 'work_withdrawn'
  | 'residence_withdrawn'
  | 'residence_ended';

export const RECENT_DAYS = 120;

export const RECENT_TARGETS: Record<Procedure, Weighted<Target>> = {
  single_permit: [
    ['draft', 12],
    ['filed', 20],
    ['incomplete', 10],
    ['admissible', 18],
    ['work_granted', 12],
    ['residence_granted', 3],
    ['issued', 12],
    ['inadmissible', 3],
    ['work_refused', 4],
    ['residence_refused', 1],
    ['withdrawn_by_applicant', 5],
  ],
  work_permit: [
    ['draft', 12],
    ['filed', 20],
    ['incomplete', 10],
    ['admissible', 18],
    ['work_granted', 8],
    ['issued', 20],
    ['inadmissible', 3],
    ['work_refused', 4],
    ['withdrawn_by_applicant', 5],
  ],
  professional_card: [
    ['draft', 12],
    ['filed', 20],
    ['incomplete', 10],
    ['admissible', 20],
    ['work_granted', 8],
    ['issued', 18],
    ['inadmissible', 4],
    ['work_refused', 4],
    ['withdrawn_by_applicant', 4],
  ],
};

export const SETTLED_TARGETS: Record<Procedure, Weighted<Target>> = {
  single_permit: [
    ['issued', 72],
    ['residence_granted', 1],
    ['inadmissible', 4],
    ['work_refused', 7],
    ['residence_refused', 2],
    ['withdrawn_by_applicant', 5],
    ['work_withdrawn', 3],
    ['residence_withdrawn', 1],
    ['residence_ended', 5],
  ],
  work_permit: [
    ['issued', 78],
    ['inadmissible', 4],
    ['work_refused', 8],
    ['withdrawn_by_applicant', 5],
    ['work_withdrawn', 5],
  ],
  professional_card: [
    ['issued', 74],
    ['inadmissible', 6],
    ['work_refused', 10],
    ['withdrawn_by_applicant', 5],
    ['work_withdrawn', 5],
  ],
};

/** Share of filed dossiers whose examination asked for documents once (and had them answered). */
export const REQUEST_SHARE = 0.25;
/**
 * The first filing of the history: the single permit exists since 3 January 2019 (the rule tables
 * start there); procedures (b) and (c) join at the cooperation agreement (31 January 2025).
 * Granted dossiers are kept ten years, so none of the history has been deleted yet but the
 * closed ones (five years after a negative decision or a withdrawal).
 */
export const HISTORY_STARTS = '2019-01-10';
/** Yearly growth of filings over the history (the volume of the last year is about 30,000 × 3). */
export const YEARLY_GROWTH = 0.12;
/** One dossier in this many belongs to the demo employer, so its list is long at every size. */
export const DEMO_EMPLOYER_EVERY = 500;
/** Dossiers per employer on average; sizes follow a power law (social secretariats file in bulk). */
export const DOSSIERS_PER_EMPLOYER = 40;

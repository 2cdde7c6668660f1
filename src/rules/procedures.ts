import { CATEGORIES, type Category, type Procedure } from '../contract/procedures.js';
import { AGREEMENT_SIGNED, effectiveAt, type RuleRow } from './effective.js';

export interface ProcedureRule extends RuleRow {
  procedure: Procedure;
}

/**
 * From which legal date each procedure of Art. 2 §1 1° may be filed. Art. 36 first para. puts the
 * agreement in force on the day after the last act of assent is published ("treedt in werking op de
 * dag na de bekendmaking in het Belgisch Staatsblad van de laatste instemmingsakte" / "entre en
 * vigueur le jour après la publication au Moniteur belge du dernier des actes d'assentiment").
 * Art. 36 second para. leaves procedure (c) to a later act: "wordt de inwerkingtreding van de
 * procedure voor de aanvragen vermeld in art. 2, §1, 1°, c) nader bepaald via uitvoerend
 * samenwerkingsakkoord" / "l'entrée en vigueur de la procédure des demandes mentionnées à l'article
 * 2, §1, 1°, c), sera déterminée par accord de coopération d'exécution" (and Art. 34). No such act
 * exists yet, so (c) has no row: it is not in force until that act's date is added here, or an
 * installation sets one (PROFESSIONAL_CARD_FROM, decision 0007).
 */
export const PROCEDURE_RULES: readonly ProcedureRule[] = [
  {
    procedure: 'single_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 2 §1 1° a) and Art. 36 first para. CA 31.01.2025',
  },
  {
    procedure: 'work_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 2 §1 1° b) and Art. 36 first para. CA 31.01.2025',
  },
];

/**
 * The rows in force for an installation: the table, with the configured date of procedure (c), when
 * one is set, standing in for the row the executing agreement will give it.
 */
function procedureRows(professionalCardFrom: string | undefined): readonly ProcedureRule[] {
  if (professionalCardFrom === undefined) return PROCEDURE_RULES;
  return [
    ...PROCEDURE_RULES.filter((r) => r.procedure !== 'professional_card'),
    {
      procedure: 'professional_card',
      effectiveFrom: professionalCardFrom,
      legalSource: 'Art. 2 §1 1° c), Art. 34 and Art. 36 second para. CA 31.01.2025',
      configurationNote: 'date configured (PROFESSIONAL_CARD_FROM)',
    },
  ];
}

/** The first legal date on which a procedure may be filed here; null while no date is set. */
export function procedureInForceFrom(
  procedure: Procedure,
  professionalCardFrom: string | undefined,
): string | null {
  const froms = procedureRows(professionalCardFrom)
    .filter((r) => r.procedure === procedure)
    .map((r) => r.effectiveFrom)
    .sort();
  return froms[0] ?? null;
}

/** Whether a procedure may be filed on a legal calendar date (YYYY-MM-DD). */
export function isProcedureInForce(
  procedure: Procedure,
  on: string,
  professionalCardFrom: string | undefined,
): boolean {
  return (
    effectiveAt(
      procedureRows(professionalCardFrom).filter((r) => r.procedure === procedure),
      on,
    ).length > 0
  );
}

export interface CategoryRule extends RuleRow {
  category: Category;
  procedure: Procedure;
}

/**
 * Which procedure each category is filed under. The directive categories are residence requests for
 * work over 90 days, so they follow the single application procedure (a); Art. 4 2° and 3° are the
 * regional procedures (b) and (c).
 */
export const CATEGORY_RULES: readonly CategoryRule[] = [
  {
    category: 'single_permit',
    procedure: 'single_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 4, 1° and Art. 2 §1 1° a) CA 31.01.2025; Directive 2011/98/EU, recast (EU) 2024/1233',
  },
  {
    category: 'work_permit',
    procedure: 'work_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource:
      'Art. 4, 2° and Art. 2 §1 1° b) CA 31.01.2025; law of 30 April 1999 and regional rules (Art. 9 §4-7)',
  },
  {
    category: 'professional_card',
    procedure: 'professional_card',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 4, 3° and Art. 2 §1 1° c) CA 31.01.2025; law of 19 February 1965',
  },
  {
    category: 'eu_blue_card',
    procedure: 'single_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 4, 4° CA 31.01.2025; Directive (EU) 2021/1883',
  },
  {
    category: 'seasonal_worker',
    procedure: 'single_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 4, 5° CA 31.01.2025; Directive 2014/36/EU; regional lists of seasonal sectors',
  },
  {
    category: 'intra_corporate_transferee',
    procedure: 'single_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 4, 6° CA 31.01.2025; Directive 2014/66/EU',
  },
  {
    category: 'researcher',
    procedure: 'single_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 4, 7° CA 31.01.2025; Directive (EU) 2016/801 (hosting agreement)',
  },
  {
    category: 'trainee',
    procedure: 'single_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 4, 8° CA 31.01.2025; Directive (EU) 2016/801',
  },
  {
    category: 'volunteer',
    procedure: 'single_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 4, 9° CA 31.01.2025; Directive (EU) 2016/801 (European Voluntary Service)',
  },
  {
    category: 'other_eu_directive',
    procedure: 'single_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 4, 10° CA 31.01.2025; directives based on Art. 79(2)(a)(b) TFEU',
  },
];

function categoryRule(category: Category): CategoryRule {
  const row = CATEGORY_RULES.find((r) => r.category === category);
  // Unreachable while the table is complete (a test checks it); a gap is a configuration defect.
  if (row === undefined) throw new Error(`no category rule for "${category}"`);
  return row;
}

export function procedureOfCategory(c: Category): Procedure {
  return categoryRule(c).procedure;
}

export function isCategoryOf(p: Procedure, c: Category): boolean {
  return categoryRule(c).procedure === p;
}

export function categoriesOf(p: Procedure): Category[] {
  return CATEGORIES.filter((c) => isCategoryOf(p, c));
}

/** The permits a decision can grant (Art. 10 4° for procedure a; Art. 4 2°-3° and 18 §2 4° for b and c). */
export const PERMIT_TYPES = [
  'single_permit',
  'eu_blue_card',
  'seasonal_work_permit',
  'ict_permit',
  'ict_long_term_mobility_permit',
  'researcher_permit',
  'researcher_long_term_mobility_permit',
  'trainee_permit',
  'volunteer_permit',
  'other_directive_permit',
  'work_permit',
  'professional_card',
] as const;
export type PermitType = (typeof PERMIT_TYPES)[number];

export interface PermitTypeRule extends RuleRow {
  category: Category;
  /** true: only for long-term mobility (ICT, researchers); absent: the first-admission permit. */
  longTermMobility?: true;
  permitType: PermitType;
}

const ART_10_4 = 'Art. 10 4° CA 31.01.2025';

export const PERMIT_TYPE_RULES: readonly PermitTypeRule[] = [
  {
    category: 'single_permit',
    permitType: 'single_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: ART_10_4,
  },
  {
    category: 'eu_blue_card',
    permitType: 'eu_blue_card',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: ART_10_4,
  },
  {
    category: 'seasonal_worker',
    permitType: 'seasonal_work_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: ART_10_4,
  },
  {
    category: 'intra_corporate_transferee',
    permitType: 'ict_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: ART_10_4,
  },
  {
    category: 'intra_corporate_transferee',
    longTermMobility: true,
    permitType: 'ict_long_term_mobility_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: `${ART_10_4}; Directive 2014/66/EU Art. 22`,
  },
  {
    category: 'researcher',
    permitType: 'researcher_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: ART_10_4,
  },
  {
    category: 'researcher',
    longTermMobility: true,
    permitType: 'researcher_long_term_mobility_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: `${ART_10_4}; Directive (EU) 2016/801 Art. 29`,
  },
  {
    category: 'trainee',
    permitType: 'trainee_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: ART_10_4,
  },
  {
    category: 'volunteer',
    permitType: 'volunteer_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: ART_10_4,
  },
  {
    category: 'other_eu_directive',
    permitType: 'other_directive_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: ART_10_4,
  },
  {
    category: 'work_permit',
    permitType: 'work_permit',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 4, 2° and Art. 18 §1 4° CA 31.01.2025 (occupation authorisation and work permit)',
  },
  {
    category: 'professional_card',
    permitType: 'professional_card',
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 4, 3° and Art. 18 §2 4° CA 31.01.2025',
  },
];

/**
 * The permit a positive decision grants. Long-term mobility only changes the outcome where the
 * directive has a separate permit (ICT, researchers); elsewhere the flag is ignored.
 */
export function permitTypeOf(category: Category, longTermMobility = false): PermitType {
  const rows = PERMIT_TYPE_RULES.filter((r) => r.category === category);
  const row =
    (longTermMobility ? rows.find((r) => r.longTermMobility === true) : undefined) ??
    rows.find((r) => r.longTermMobility === undefined);
  if (row === undefined) throw new Error(`no permit type rule for "${category}"`);
  return row.permitType;
}

import { AGREEMENT_SIGNED, effectiveAt, type RuleRow } from './effective.js';
import type { Category, Procedure } from '../contract/procedures.js';

/**
 * The legal time limit for a decision, counted in calendar days from the complete application and
 * suspended while documents are awaited (R-PROC-7); `extensionDays` may be added once in complex
 * cases. The clock itself lives in dossier/; only the numbers are here.
 */
export interface DeadlineRule extends RuleRow {
  procedure: Procedure;
  /** undefined: every category of the procedure without a row of its own. */
  category?: Category;
  decisionDays: number;
  extensionDays: number;
}

/** Start of the single application procedure under the cooperation agreement of 2 February 2018. */
const SINGLE_PERMIT_START = '2019-01-03';
/** Transposition deadline of the recast Single Permit Directive (EU) 2024/1233. */
const RECAST_TRANSPOSITION = '2026-05-21';

const DIRECTIVE_CATEGORY_NOTE =
  'directive maximum; no extension in the directive — configured, to confirm against the Belgian transposition';
const DIRECTIVE_DAYS = '(90 days)';

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    procedure: 'single_permit',
    decisionDays: 120,
    extensionDays: 30,
    effectiveFrom: SINGLE_PERMIT_START,
    effectiveUntil: RECAST_TRANSPOSITION,
    legalSource: 'Directive 2011/98/EU Art. 5(2); cooperation agreement of 2 February 2018 (four months)',
    configurationNote: 'four months configured as 120 days; extension length configured',
  },
  {
    procedure: 'single_permit',
    decisionDays: 90,
    extensionDays: 30,
    effectiveFrom: RECAST_TRANSPOSITION,
    legalSource:
      'Directive (EU) 2024/1233 Art. 5(2) (90 days, 30 more in exceptional and duly justified cases)',
    configurationNote:
      'configured to apply from the transposition deadline until the Belgian transposition is published',
  },
  // The directive categories keep their own directive's limit, which is shorter than four months.
  {
    procedure: 'single_permit',
    category: 'eu_blue_card',
    decisionDays: 90,
    extensionDays: 0,
    effectiveFrom: SINGLE_PERMIT_START,
    legalSource: `Directive (EU) 2021/1883 Art. 11(1) ${DIRECTIVE_DAYS}`,
    configurationNote: DIRECTIVE_CATEGORY_NOTE,
  },
  {
    procedure: 'single_permit',
    category: 'seasonal_worker',
    decisionDays: 90,
    extensionDays: 0,
    effectiveFrom: SINGLE_PERMIT_START,
    legalSource: `Directive 2014/36/EU Art. 18(1) ${DIRECTIVE_DAYS}`,
    configurationNote: DIRECTIVE_CATEGORY_NOTE,
  },
  {
    procedure: 'single_permit',
    category: 'intra_corporate_transferee',
    decisionDays: 90,
    extensionDays: 0,
    effectiveFrom: SINGLE_PERMIT_START,
    legalSource: `Directive 2014/66/EU Art. 15(1) ${DIRECTIVE_DAYS}`,
    configurationNote: DIRECTIVE_CATEGORY_NOTE,
  },
  ...(['researcher', 'trainee', 'volunteer'] as const).map((category): DeadlineRule => ({
    procedure: 'single_permit',
    category,
    decisionDays: 90,
    extensionDays: 0,
    effectiveFrom: SINGLE_PERMIT_START,
    legalSource: `Directive (EU) 2016/801 Art. 34(1) ${DIRECTIVE_DAYS}`,
    configurationNote: DIRECTIVE_CATEGORY_NOTE,
  })),
  {
    procedure: 'work_permit',
    decisionDays: 90,
    extensionDays: 30,
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 9 §4-7 CA 31.01.2025; law of 30 April 1999',
    configurationNote:
      'CONFIGURED ASSUMPTION: the agreement and the law of 30 April 1999 set no time limit known to us; aligned on the single-permit work decision (Directive (EU) 2024/1233 Art. 5(2)) — to be confirmed by the regional authorities (Art. 9 §4-7)',
  },
  {
    procedure: 'professional_card',
    decisionDays: 90,
    extensionDays: 30,
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 9 §4-7 and Art. 34 CA 31.01.2025; law of 19 February 1965',
    configurationNote:
      'CONFIGURED ASSUMPTION: the law of 19 February 1965 and royal decree of 2 August 1985 set no time limit known to us; aligned on the single permit — to be confirmed by the regional authorities (Art. 9 §4-7, Art. 34)',
  },
];

/**
 * The deadline row in force for a procedure (and, when given, a category with a row of its own).
 * No row is a configuration defect, not a user error, so it throws.
 */
export function deadlineRule(procedure: Procedure, on: string, category?: Category): DeadlineRule {
  const rows = effectiveAt(DEADLINE_RULES, on).filter((r) => r.procedure === procedure);
  const row =
    (category === undefined ? undefined : rows.find((r) => r.category === category)) ??
    rows.find((r) => r.category === undefined);
  if (row === undefined) throw new Error(`no deadline rule for ${procedure} on ${on}`);
  return row;
}

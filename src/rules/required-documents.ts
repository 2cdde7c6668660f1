import type { DocumentType } from '../contract/documents.js';
import { AGREEMENT_SIGNED, type RuleRow } from './effective.js';
import type { Category, Procedure } from '../contract/procedures.js';
import type { Region } from '../contract/regions.js';

/*
 * The documents of a complete application (R-FILE-2), as rows. Sources: the agreement (CA) for the
 * data it lists (Art. 12-15, 17-18, 20), the EU directives for what each category must prove, and the
 * royal decree of 9 June 1999 / regional rules for the work permit. Rows marked "configured" apply a
 * reading of the law or of administrative practice that the authorities still have to confirm.
 */

/** The situations a required-document row can depend on. */
export const CONDITIONS = [
  'abroad',
  'in_belgium',
  'posted',
  'long_term_mobility',
  'no_enterprise_number',
  'renewal',
] as const;

export type Condition = (typeof CONDITIONS)[number];

export interface RequiredDocumentRule extends RuleRow {
  procedure: Procedure;
  /** undefined: every category of the procedure. */
  category?: Category;
  /** undefined: every region. */
  region?: Region;
  documentType: DocumentType;
  /** undefined: always. */
  when?: Condition;
}

const CA = 'CA 31.01.2025';
const BLUE_CARD = 'Directive (EU) 2021/1883';
const SEASONAL = 'Directive 2014/36/EU';
const ICT = 'Directive 2014/66/EU';
const STUDENTS_RESEARCHERS = 'Directive (EU) 2016/801';

function rule(
  procedure: Procedure,
  documentType: DocumentType,
  legalSource: string,
  scope: { category?: Category; region?: Region; when?: Condition; configurationNote?: string } = {},
): RequiredDocumentRule {
  return { procedure, documentType, legalSource, effectiveFrom: AGREEMENT_SIGNED, ...scope };
}

/** Rows every category of the single permit procedure (a) shares. */
const SINGLE_PERMIT_COMMON: RequiredDocumentRule[] = [
  rule('single_permit', 'passport', `Art. 12 §1 2° a) ${CA}`),
  rule('single_permit', 'photo', `Art. 12 §1 2° f) ${CA}`),
  // Kept in step with fees.ts: a test checks fee_proof is asked exactly where a fee is due.
  rule('single_permit', 'fee_proof', `Art. 18 §1 1° ${CA}; law of 15 December 1980 Art. 1/1 (fee)`),
  rule(
    'single_permit',
    'medical_certificate',
    `Art. 15 1° ${CA}; law of 15 December 1980 (medical certificate)`,
    { when: 'abroad', configurationNote: 'configured: asked when the worker applies from abroad' },
  ),
  rule('single_permit', 'criminal_record', `Art. 12 §1 2° e) and Art. 17 §1 ${CA}; law of 15 December 1980`, {
    when: 'abroad',
    configurationNote: 'configured: asked when the worker applies from abroad',
  }),
  rule('single_permit', 'residence_permit', `Art. 12 §1 2° b) ${CA} (current residence permit)`, {
    when: 'in_belgium',
  }),
  rule('single_permit', 'posting_certificate', `Art. 13 §1 13°, 18° and 19° ${CA} (LIMOSA, posting letter)`, {
    when: 'posted',
  }),
  rule('single_permit', 'payslips', `Art. 13 §1 12° and 15° ${CA}`, {
    when: 'renewal',
    configurationNote: 'configured: proof of pay on renewal',
  }),
  rule(
    'single_permit',
    'other',
    `Art. 20 §2 3° ${CA} (deed or articles for registration in the Crossroads Bank for Enterprises)`,
    { when: 'no_enterprise_number', configurationNote: 'configured' },
  ),
];

/** What each Art. 4 category of procedure (a) must prove on top of the common rows. */
const SINGLE_PERMIT_BY_CATEGORY: RequiredDocumentRule[] = [
  rule('single_permit', 'contract', `Art. 4, 1° and Art. 13 §1 1° ${CA}; Directive 2011/98/EU`, {
    category: 'single_permit',
  }),

  rule(
    'single_permit',
    'contract',
    `${BLUE_CARD} Art. 5(1) (contract or binding offer of at least 6 months)`,
    { category: 'eu_blue_card' },
  ),
  rule(
    'single_permit',
    'diploma',
    `${BLUE_CARD} Art. 5(1) (higher professional qualifications); Art. 13 §1 5° ${CA}`,
    { category: 'eu_blue_card' },
  ),
  rule('single_permit', 'health_insurance', `${BLUE_CARD} Art. 5(1); Art. 13 §1 9° ${CA}`, {
    category: 'eu_blue_card',
  }),

  rule('single_permit', 'contract', `${SEASONAL} Art. 5(1) (contract or binding job offer)`, {
    category: 'seasonal_worker',
  }),
  rule('single_permit', 'health_insurance', `${SEASONAL} Art. 5(1); Art. 13 §1 9° ${CA}`, {
    category: 'seasonal_worker',
  }),
  rule(
    'single_permit',
    'address_proof',
    `${SEASONAL} Art. 5 and 20 (adequate accommodation); Art. 12 §1 1° g) ${CA}`,
    { category: 'seasonal_worker' },
  ),

  rule('single_permit', 'contract', `${ICT} Art. 5(1) (work contract and assignment letter)`, {
    category: 'intra_corporate_transferee',
  }),
  rule(
    'single_permit',
    'qualification',
    `${ICT} Art. 5(1) (qualifications and experience); Art. 13 §1 8° ${CA}`,
    { category: 'intra_corporate_transferee' },
  ),
  rule('single_permit', 'health_insurance', `${ICT} Art. 5(1); Art. 13 §1 9° ${CA}`, {
    category: 'intra_corporate_transferee',
  }),
  rule('single_permit', 'residence_permit', `${ICT} Art. 22 (ICT permit of the first Member State)`, {
    category: 'intra_corporate_transferee',
    when: 'long_term_mobility',
  }),

  rule(
    'single_permit',
    'hosting_agreement',
    `Art. 4, 7° and Art. 13 §1 1° ${CA}; ${STUDENTS_RESEARCHERS} Art. 8`,
    { category: 'researcher' },
  ),
  rule('single_permit', 'health_insurance', `${STUDENTS_RESEARCHERS} Art. 7(1); Art. 13 §1 9° ${CA}`, {
    category: 'researcher',
  }),
  rule(
    'single_permit',
    'residence_permit',
    `${STUDENTS_RESEARCHERS} Art. 29 (authorisation of the first Member State)`,
    { category: 'researcher', when: 'long_term_mobility' },
  ),

  rule(
    'single_permit',
    'contract',
    `${STUDENTS_RESEARCHERS} Art. 13(1) (traineeship agreement); Art. 13 §1 1° ${CA}`,
    { category: 'trainee' },
  ),
  rule('single_permit', 'diploma', `${STUDENTS_RESEARCHERS} Art. 13(1) (recent degree or current studies)`, {
    category: 'trainee',
  }),
  rule('single_permit', 'health_insurance', `${STUDENTS_RESEARCHERS} Art. 7(1); Art. 13 §1 9° ${CA}`, {
    category: 'trainee',
  }),
  rule('single_permit', 'subsistence', `${STUDENTS_RESEARCHERS} Art. 7(1) and 13(1); Art. 13 §1 6° ${CA}`, {
    category: 'trainee',
  }),

  rule('single_permit', 'contract', `${STUDENTS_RESEARCHERS} Art. 14(1) (voluntary service agreement)`, {
    category: 'volunteer',
  }),
  rule('single_permit', 'health_insurance', `${STUDENTS_RESEARCHERS} Art. 7(1); Art. 13 §1 9° ${CA}`, {
    category: 'volunteer',
  }),

  rule('single_permit', 'contract', `Art. 4, 10° and Art. 13 §1 1° ${CA}; the directive applied`, {
    category: 'other_eu_directive',
  }),
];

const WORK_LAW = 'law of 30 April 1999 and regional rules (Art. 9 §4-7)';
const RD_1999 = 'royal decree of 9 June 1999 Art. 14';

/** Procedure (b): the regional work authorisation. The medical certificate's basis differs per region. */
const WORK_PERMIT: RequiredDocumentRule[] = [
  rule('work_permit', 'passport', `Art. 12 §1 2° a) ${CA}; ${WORK_LAW}`),
  rule('work_permit', 'contract', `Art. 13 §1 1° ${CA}; ${WORK_LAW}`),
  rule(
    'work_permit',
    'medical_certificate_work',
    `Art. 15 2° ${CA}; ${RD_1999}, applied under Art. 9 §4 2° ${CA}`,
    { region: 'flanders' },
  ),
  rule(
    'work_permit',
    'medical_certificate_work',
    `Art. 15 2° ${CA}; ${RD_1999}, applied under Art. 9 §5 2° ${CA}`,
    { region: 'wallonia' },
  ),
  rule(
    'work_permit',
    'medical_certificate_work',
    `Art. 15 2° ${CA}; ${RD_1999}, named in Art. 9 §7 4° ${CA}`,
    { region: 'ostbelgien' },
  ),
  rule(
    'work_permit',
    'medical_certificate_work',
    `Art. 15 2° ${CA}; Brussels ordinance of 1 February 2024 and government decree of 16 May 2024 (Art. 9 §6 ${CA})`,
    {
      region: 'brussels',
      configurationNote: `configured: certificate of fitness for work kept from ${RD_1999}`,
    },
  ),
  rule('work_permit', 'residence_permit', `Art. 12 §1 2° b) ${CA}`, { when: 'in_belgium' }),
  // The worker abroad asks a visa D on the decision made available to the post (Art. 23 first
  // para.): the photo of Art. 12 §1 2° f) goes with it. The medical certificate and criminal record
  // of the 1980 law are not asked here: the post takes them with the visa application, and on the
  // platform nobody of (b) may read them (Art. 15-17; docs/decisions/0005).
  rule('work_permit', 'photo', `Art. 12 §1 2° f) and Art. 23 first para. ${CA}`, {
    when: 'abroad',
    configurationNote: 'configured: asked when the worker applies from abroad (visa D)',
  }),
  rule('work_permit', 'posting_certificate', `Art. 13 §1 13°, 18° and 19° ${CA}`, { when: 'posted' }),
  rule('work_permit', 'payslips', `Art. 13 §1 12° ${CA}`, {
    when: 'renewal',
    configurationNote: 'configured: proof of pay on renewal',
  }),
  rule('work_permit', 'other', `Art. 20 §2 3° ${CA} (registration in the Crossroads Bank for Enterprises)`, {
    when: 'no_enterprise_number',
    configurationNote: 'configured',
  }),
];

const SELF_EMPLOYED_LAW = 'law of 19 February 1965 and royal decree of 2 August 1985';

/** Procedure (c): the professional card; the region itself reads the criminal record (Art. 17 §2). */
const PROFESSIONAL_CARD: RequiredDocumentRule[] = [
  rule('professional_card', 'passport', `Art. 13 §3 2° ${CA}; ${SELF_EMPLOYED_LAW}`),
  rule('professional_card', 'photo', `Art. 13 §3 2° ${CA}`, {
    configurationNote: 'configured: the card carries a photo',
  }),
  rule(
    'professional_card',
    'business_plan',
    `Art. 13 §3 ${CA}; ${SELF_EMPLOYED_LAW} (assessment of the activity)`,
  ),
  rule('professional_card', 'financial_proof', `Art. 13 §3 3° ${CA} (financial and fiscal data)`),
  rule('professional_card', 'criminal_record_self_employed', `Art. 13 §3 5° and Art. 17 §2 ${CA}`),
  // Abroad, the passport and photo above go with the visa D (Art. 22); in Belgium, the current permit.
  rule('professional_card', 'residence_permit', `Art. 13 §3 2° ${CA}`, { when: 'in_belgium' }),
];

export const REQUIRED_DOCUMENT_RULES: readonly RequiredDocumentRule[] = [
  ...SINGLE_PERMIT_COMMON,
  ...SINGLE_PERMIT_BY_CATEGORY,
  ...WORK_PERMIT,
  ...PROFESSIONAL_CARD,
];

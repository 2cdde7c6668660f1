import type { DossierRecord } from './record.js';
import type { MissingItem } from '../../platform/errors.js';
import { requiredDocuments, type DossierFacts } from '../../rules/documents.js';
import { type DocumentType } from '../../contract/documents.js';
import { feeFor } from '../../rules/fees.js';
import type { Category, Procedure } from '../../contract/procedures.js';
import type { Region } from '../../contract/regions.js';
import type { SectionName, Sections } from '../../contract/sections.js';

type FieldCondition = 'abroad' | 'in_belgium' | 'posted' | 'no_enterprise_number' | 'fee_due';

interface RequiredField {
  procedures: readonly Procedure[];
  categories?: readonly Category[];
  section: SectionName;
  /** Dotted path inside the section. */
  field: string;
  when?: FieldCondition;
  legalSource: string;
}

const AB: readonly Procedure[] = ['single_permit', 'work_permit'];
const ALL: readonly Procedure[] = ['single_permit', 'work_permit', 'professional_card'];
const C: readonly Procedure[] = ['professional_card'];

const identity = (field: string): RequiredField => ({
  procedures: ALL,
  section: 'identity',
  field,
  legalSource: 'Art. 12 §1 1°',
});
const residence = (field: string, procedures = ALL, when?: FieldCondition): RequiredField => ({
  procedures,
  section: 'residence',
  field,
  ...(when && { when }),
  legalSource: 'Art. 12 §1 2°',
});
const employment = (field: string, extra: Partial<RequiredField> = {}): RequiredField => ({
  procedures: AB,
  section: 'employment',
  field,
  legalSource: 'Art. 13 §1',
  ...extra,
});
const selfEmployed = (field: string, when?: FieldCondition): RequiredField => ({
  procedures: C,
  section: 'selfEmployed',
  field,
  ...(when && { when }),
  legalSource: 'Art. 13 §3',
});

/** The fields a complete application holds (Art. 12-13, 18, 20), as data. */
// prettier-ignore
export const REQUIRED_FIELDS: readonly RequiredField[] = [
  ...['givenNames', 'familyName', 'birthDate', 'birthPlace', 'birthCountry', 'sex', 'nationality', 'address'].map(identity),
  ...['passportNumber', 'passportIssuingCountry', 'passportExpiry', 'email'].map((f) => residence(f)),
  // Where the worker is decides who receives the decision, for every procedure (Art. 21-23,
  // docs/decisions/0005): the post when a visa D is asked ((a) Art. 21, (b) Art. 23, (c) Art. 22),
  // the municipality for a temporary residence document ((a) Art. 21, (b) Art. 23 second para.;
  // Art. 22 names no municipality for (c)).
  residence('abroad', ALL),
  residence('visaPost', ALL, 'abroad'),
  residence('municipality', AB, 'in_belgium'),
  ...['employer.name', 'employer.seatAddress', 'employer.email', 'employer.phone', 'workplace', 'jobTitle', 'iscoCode', 'startDate', 'hoursPerWeek', 'grossMonthlySalaryCents'].map((f) => employment(f)),
  employment('registration', { when: 'no_enterprise_number', legalSource: 'Art. 20 §2 3°' }),
  // Not `onssNumber`: with the enterprise number known, the platform fetches it from ONSS (once-only,
  // Art. 13 §1 3° and Art. 14 §1; the checks compare a declared one). The form keeps it optional.
  employment('posting', { when: 'posted', legalSource: 'Art. 13 §1 (LIMOSA)' }),
  employment('research', { categories: ['researcher'], legalSource: 'Art. 13 §1 20°; Directive (EU) 2016/801' }),
  employment('seasonalSector', { categories: ['seasonal_worker'], legalSource: 'Directive 2014/36/EU' }),
  employment('ictRole', { categories: ['intra_corporate_transferee'], legalSource: 'Directive 2014/66/EU' }),
  employment('qualification', { categories: ['eu_blue_card'], legalSource: 'Directive (EU) 2021/1883 art. 5' }),
  employment('endDate', { categories: ['seasonal_worker', 'trainee', 'volunteer', 'intra_corporate_transferee'], legalSource: 'Art. 13 §1' }),
  ...['activity', 'naceCode', 'activityAddress', 'fiscalStatus'].map((f) => selfEmployed(f)),
  selfEmployed('registration', 'no_enterprise_number'),
  // The counter through which the application is filed: the one that may consult it (Art. 3).
  { procedures: C, section: 'selfEmployed', field: 'businessCounter', legalSource: 'Art. 3; Art. 20 §2' },
  { procedures: ALL, section: 'fee', field: 'structuredReference', when: 'fee_due', legalSource: 'Art. 18' },
  { procedures: ALL, section: 'fee', field: 'paidAt', when: 'fee_due', legalSource: 'Art. 18' },
];

export interface CompletenessInput {
  procedure: Procedure;
  category: Category;
  region: Region | undefined;
  longTermMobility: boolean;
  renewal: boolean;
  sections: Partial<Sections>;
  documentTypes: readonly string[];
  on: string;
}

const valueAt = (section: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      section,
    );

export function dossierFacts(input: CompletenessInput): DossierFacts {
  const { sections } = input;
  const enterpriseNumber =
    input.procedure === 'professional_card'
      ? sections.selfEmployed?.enterpriseNumber
      : sections.employment?.employer?.enterpriseNumber;
  return {
    abroad: sections.residence?.abroad === true,
    posted: sections.employment?.posting !== undefined,
    longTermMobility: input.longTermMobility,
    hasEnterpriseNumber: enterpriseNumber !== undefined,
    renewal: input.renewal,
  };
}

function holds(
  condition: FieldCondition | undefined,
  facts: DossierFacts,
  feeDue: boolean,
  sections: Partial<Sections>,
) {
  switch (condition) {
    case undefined:
      return true;
    case 'abroad':
      return facts.abroad === true;
    case 'in_belgium':
      return sections.residence?.abroad === false;
    case 'posted':
      return facts.posted === true;
    case 'no_enterprise_number':
      return !facts.hasEnterpriseNumber;
    case 'fee_due':
      return feeDue;
  }
}

/** Everything a filing still lacks, fields first then documents, for the caller to fix at once. */
export function missingForFiling(input: CompletenessInput): MissingItem[] {
  const facts = dossierFacts(input);
  const feeDue = feeFor(input.procedure, input.category, input.on).amountCents > 0;
  const fields: MissingItem[] = REQUIRED_FIELDS.filter(
    (r) =>
      r.procedures.includes(input.procedure) &&
      (!r.categories || r.categories.includes(input.category)) &&
      holds(r.when, facts, feeDue, input.sections) &&
      valueAt(input.sections[r.section], r.field) === undefined,
  ).map((r) => ({ kind: 'field', section: r.section, name: r.field }));
  const documents: MissingItem[] = requiredDocuments({
    procedure: input.procedure,
    category: input.category,
    region: input.region,
    facts,
    on: input.on,
  })
    .filter((d) => !input.documentTypes.includes(d.documentType))
    .map((d: { documentType: DocumentType }) => ({ kind: 'document', name: d.documentType }));
  return [...fields, ...documents];
}

/** What the completeness rules read of a dossier record, on a given legal date. */
export function completenessInputOf(
  record: Pick<
    DossierRecord,
    'procedure' | 'category' | 'region' | 'longTermMobility' | 'follows' | 'sections' | 'documents'
  >,
  on: string,
): CompletenessInput {
  return {
    procedure: record.procedure,
    category: record.category,
    region: record.region ?? undefined,
    longTermMobility: record.longTermMobility,
    renewal: record.follows?.kind === 'renewal',
    sections: record.sections,
    documentTypes: record.documents.map((d) => d.type),
    on,
  };
}

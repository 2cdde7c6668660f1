import type { DocumentType } from '../../../../../src/contract/documents';
import type { Procedure } from '../../../../../src/contract/procedures';
import type { SectionName } from '../../../../../src/contract/sections';

/*
 * The application data in the order a case officer checks it: who the worker is and their
 * passport, their stay, the employer (or the self-employed activity), the job with its workplace
 * and salary, then the rest. Each part names the fields it takes (a path and everything under it)
 * and the documents that support them; whatever no part names falls to the last one, so a field
 * or document added later is never left out.
 */

export type PartKey = 'identity' | 'stay' | 'employer' | 'job' | 'other';

export interface Part {
  key: PartKey;
  fields: readonly (readonly [SectionName, string])[];
  documents: readonly DocumentType[];
}

const EMPLOYER: Part['fields'] = [
  ['employment', 'employer'],
  ['employment', 'registration'],
  ['employment', 'onssNumber'],
  ['selfEmployed', 'activity'],
  ['selfEmployed', 'naceCode'],
  ['selfEmployed', 'enterpriseNumber'],
  ['selfEmployed', 'registration'],
  ['selfEmployed', 'fiscalStatus'],
  ['selfEmployed', 'businessCounter'],
];

export const PARTS: readonly Part[] = [
  {
    key: 'identity',
    fields: [
      ['identity', ''],
      ['residence', 'passportNumber'],
      ['residence', 'passportIssuingCountry'],
      ['residence', 'passportIssueDate'],
      ['residence', 'passportExpiry'],
    ],
    documents: ['passport', 'photo'],
  },
  {
    key: 'stay',
    fields: [['residence', '']],
    documents: ['residence_permit', 'visa_d', 'address_proof'],
  },
  { key: 'employer', fields: EMPLOYER, documents: ['business_plan', 'financial_proof'] },
  {
    key: 'job',
    fields: [
      ['employment', 'workplace'],
      ['employment', 'jobTitle'],
      ['employment', 'iscoCode'],
      ['employment', 'startDate'],
      ['employment', 'endDate'],
      ['employment', 'hoursPerWeek'],
      ['employment', 'grossMonthlySalaryCents'],
      ['employment', 'seasonalSector'],
      ['employment', 'ictRole'],
      ['selfEmployed', 'activityAddress'],
      ['selfEmployed', 'qualification'],
    ],
    documents: ['contract', 'payslips'],
  },
  { key: 'other', fields: [], documents: [] },
];

const under = (path: string, prefix: string) =>
  prefix === '' || path === prefix || path.startsWith(`${prefix}.`);

/** The part a field of a section is shown in: the first that names it, else the last. */
export function partOfField(section: SectionName, path: string): PartKey {
  const part = PARTS.find((p) => p.fields.some(([s, prefix]) => s === section && under(path, prefix)));
  return part?.key ?? 'other';
}

/** The part a document is shown beside. */
export function partOfDocument(type: string): PartKey {
  return PARTS.find((p) => (p.documents as readonly string[]).includes(type))?.key ?? 'other';
}

/** The sections a procedure's application has, in the order of the form. */
export function sectionsOf(procedure: Procedure): SectionName[] {
  return procedure === 'professional_card'
    ? ['identity', 'residence', 'selfEmployed', 'fee']
    : ['identity', 'residence', 'employment', 'fee'];
}

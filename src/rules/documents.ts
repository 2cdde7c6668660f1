import { DOCUMENT_TYPES, type DataCategory, type DocumentType } from '../contract/documents.js';
import { effectiveAt } from './effective.js';
import { isCategoryOf } from './procedures.js';
import { type Category, type Procedure } from '../contract/procedures.js';
import type { Region } from '../contract/regions.js';
import { REQUIRED_DOCUMENT_RULES, type Condition } from './required-documents.js';

/**
 * The access policy is applied per category, so this table decides who may ever read a document:
 * health and criminal documents only reach persons designated by name (Art. 15-17).
 */
export const DOCUMENT_CATEGORY: Record<DocumentType, DataCategory> = {
  address_proof: 'identity', // Art. 12 §1 1° g)
  passport: 'residence', // Art. 12 §1 2°
  residence_permit: 'residence',
  photo: 'residence',
  visa_d: 'residence',
  contract: 'employment', // Art. 13 §1
  diploma: 'employment',
  qualification: 'employment',
  posting_certificate: 'employment',
  hosting_agreement: 'employment',
  health_insurance: 'employment',
  subsistence: 'employment',
  payslips: 'employment',
  other: 'employment',
  business_plan: 'self_employed', // Art. 13 §3
  financial_proof: 'self_employed',
  medical_certificate: 'health', // Art. 15 1°
  medical_certificate_work: 'health', // Art. 15 2°
  criminal_record: 'criminal', // Art. 17 §1
  criminal_record_self_employed: 'criminal', // Art. 17 §2
  fee_proof: 'admin', // Art. 18
};

/** Uploads are checked by content, not by name (data.md §Documents). */
export const ACCEPTED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface DossierFacts {
  abroad?: boolean;
  posted?: boolean;
  longTermMobility?: boolean;
  hasEnterpriseNumber?: boolean;
  renewal?: boolean;
}

/**
 * A condition holds only on a known fact: an unanswered question adds no document, so the form can
 * show a list before every answer is given. Submission must therefore require the facts themselves
 * (`residence.abroad` is a mandatory field) before it relies on this list.
 */
const CONDITION_HOLDS: Record<Condition, (facts: DossierFacts) => boolean> = {
  abroad: (f) => f.abroad === true,
  in_belgium: (f) => f.abroad === false,
  posted: (f) => f.posted === true,
  long_term_mobility: (f) => f.longTermMobility === true,
  no_enterprise_number: (f) => f.hasEnterpriseNumber === false,
  renewal: (f) => f.renewal === true,
};

export interface RequiredDocument {
  documentType: DocumentType;
  /** Every legal source that asks for the document, joined with " | ". */
  legalSource: string;
}

/**
 * The documents a complete application needs for this procedure, category and region on a date
 * (Art. 20 §1 second para., R-FILE-2), in the order of DOCUMENT_TYPES. With no region yet, only the
 * rows that hold in every region apply. A category of another procedure is a caller defect and
 * throws, because answering an empty list would let an incomplete dossier through.
 */
export function requiredDocuments(input: {
  procedure: Procedure;
  category: Category;
  region: Region | undefined;
  facts: DossierFacts;
  on: string;
}): RequiredDocument[] {
  const { procedure, category, region, facts, on } = input;
  if (!isCategoryOf(procedure, category)) {
    throw new RangeError(`category "${category}" does not belong to procedure "${procedure}"`);
  }
  const sources = new Map<DocumentType, string[]>();
  for (const row of effectiveAt(REQUIRED_DOCUMENT_RULES, on)) {
    if (row.procedure !== procedure) continue;
    if (row.category !== undefined && row.category !== category) continue;
    if (row.region !== undefined && row.region !== region) continue;
    if (row.when !== undefined && !CONDITION_HOLDS[row.when](facts)) continue;
    const list = sources.get(row.documentType) ?? [];
    if (!list.includes(row.legalSource)) list.push(row.legalSource);
    sources.set(row.documentType, list);
  }
  return DOCUMENT_TYPES.flatMap((documentType) => {
    const list = sources.get(documentType);
    return list === undefined ? [] : [{ documentType, legalSource: list.join(' | ') }];
  });
}

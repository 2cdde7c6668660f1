/** The document types an upload may declare (data.md §Documents). */
export const DOCUMENT_TYPES = [
  'passport',
  'residence_permit',
  'photo',
  'visa_d',
  'address_proof',
  'contract',
  'diploma',
  'qualification',
  'posting_certificate',
  'hosting_agreement',
  'health_insurance',
  'subsistence',
  'payslips',
  'business_plan',
  'financial_proof',
  'fee_proof',
  'medical_certificate',
  'medical_certificate_work',
  'criminal_record',
  'criminal_record_self_employed',
  'other',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The data categories of domain.md §4 / access.md; every field and document belongs to exactly one. */
export const DATA_CATEGORIES = [
  'identity',
  'residence',
  'employment',
  'self_employed',
  'health',
  'criminal',
  'admin',
  'source',
  'grounds',
] as const;

export type DataCategory = (typeof DATA_CATEGORIES)[number];

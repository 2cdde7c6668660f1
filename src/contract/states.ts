export const STATES = [
  'draft',
  'filed',
  'incomplete',
  'admissible',
  'inadmissible',
  'work_granted',
  'work_refused',
  'residence_granted',
  'residence_refused',
  'issued',
  'withdrawn_by_applicant',
  'work_withdrawn',
  'residence_withdrawn',
  'residence_ended',
] as const;
export type DossierState = (typeof STATES)[number];

/** Relations of a caller to a dossier (access.md); the gate derives them, the table uses them. */
export const RELATIONS = [
  'applicant',
  'subject',
  'competent_region',
  'other_region',
  'dvz',
  'post',
  'municipality',
  'business_counter',
  'inspection',
  'employment_service',
  'operator',
  'dpo',
] as const;
export type Relation = (typeof RELATIONS)[number];

export const ORGANISATION_KINDS = [
  'employer',
  'mandatary',
  'self_employed',
  'worker',
  'regional_authority',
  'dvz',
  'onss',
  'inasti',
  'post',
  'municipality',
  'business_counter',
  'inspection',
  'employment_service',
  'management_committee',
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

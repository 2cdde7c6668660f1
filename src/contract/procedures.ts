/** The three procedures filed on the platform (Art. 2 §1 1° a, b, c; R-PROC-1). */
export const PROCEDURES = ['single_permit', 'work_permit', 'professional_card'] as const;

export type Procedure = (typeof PROCEDURES)[number];

/** The ten applicant categories of Art. 4 (R-PROC-3). */
export const CATEGORIES = [
  'single_permit',
  'eu_blue_card',
  'seasonal_worker',
  'intra_corporate_transferee',
  'researcher',
  'trainee',
  'volunteer',
  'other_eu_directive',
  'work_permit',
  'professional_card',
] as const;

export type Category = (typeof CATEGORIES)[number];

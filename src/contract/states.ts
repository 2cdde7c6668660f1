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

/** The states a negative decision leaves a dossier in: each names the kind of that decision. */
export const NEGATIVE_STATES = [
  'inadmissible',
  'work_refused',
  'residence_refused',
  'work_withdrawn',
  'residence_withdrawn',
  'residence_ended',
] as const satisfies readonly DossierState[];

/**
 * The state a caller is shown. A party that may know only the fact of a negative decision (Art. 24,
 * access.md "negative: F") sees `negative_decision` in place of any state that would name its kind.
 */
export const SHOWN_STATES = [...STATES, 'negative_decision'] as const;
export type ShownState = (typeof SHOWN_STATES)[number];

/**
 * States in which nothing is left to examine: issued, withdrawn by the applicant, or after a
 * negative decision. A work queue hides them unless asked; every negative state is among them, so
 * the filter never tells a decision's kind (Art. 24).
 */
export const CLOSED_STATES = [
  'issued',
  'withdrawn_by_applicant',
  ...NEGATIVE_STATES,
] as const satisfies readonly DossierState[];

export const isNegativeState = (state: DossierState): boolean =>
  (NEGATIVE_STATES as readonly DossierState[]).includes(state);

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

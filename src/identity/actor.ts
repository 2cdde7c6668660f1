import type { OrganisationKind } from '../contract/organisations.js';
import type { Region } from '../contract/regions.js';

export interface ActingOrganisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  region: Region | null;
}

/** Who is calling: a user acting for one organisation at a time (access.md). */
export interface Actor {
  userId: string;
  username: string;
  name: string;
  organisation: ActingOrganisation;
  roles: string[];
  /** Set for cookie sessions, which must echo it in X-CSRF-Token on state changes. */
  csrfToken: string | undefined;
  /**
   * How the caller authenticated: a browser session, or an API token of a system (which then
   * acts for the organisation in the name of the person who issued the token).
   */
  via?: 'session' | 'token';
}

/**
 * Organisation kinds whose staff reach other people's dossiers: their accounts need a second
 * factor (R-SEC: strong authentication for authorities).
 */
export const SECOND_FACTOR_KINDS: readonly OrganisationKind[] = [
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
];

/** Applicants are the parties that file dossiers (domain.md §1). */
export const APPLICANT_KINDS: readonly OrganisationKind[] = ['employer', 'mandatary', 'self_employed'];

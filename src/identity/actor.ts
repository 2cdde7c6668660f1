import { ORGANISATION_KINDS, type OrganisationKind } from '../contract/organisations.js';
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
export const SECOND_FACTOR_KINDS: readonly OrganisationKind[] = ORGANISATION_KINDS.filter(
  (kind) => !['employer', 'mandatary', 'self_employed', 'worker'].includes(kind),
);

/** Applicants are the parties that file dossiers (domain.md §1). */
export const APPLICANT_KINDS: readonly OrganisationKind[] = ['employer', 'mandatary', 'self_employed'];

/** The columns of a user acting for an organisation, as every way of signing in selects them. */
export const ACTOR_COLUMNS = [
  'u.id as userId',
  'u.username',
  'u.display_name',
  'o.id as organisationId',
  'o.kind',
  'o.name as organisationName',
  'o.region',
] as const;

export interface ActorRow {
  userId: string;
  username: string;
  display_name: string;
  organisationId: string;
  kind: string;
  organisationName: string;
  region: string | null;
}

/** The actor a selected row stands for, with how it authenticated. */
export function actorOfRow(row: ActorRow, how: Pick<Actor, 'roles' | 'csrfToken' | 'via'>): Actor {
  return {
    userId: row.userId,
    username: row.username,
    name: row.display_name,
    organisation: {
      id: row.organisationId,
      kind: row.kind as OrganisationKind,
      name: row.organisationName,
      region: row.region as Region | null,
    },
    ...how,
  };
}

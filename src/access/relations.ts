import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import type { Procedure } from '../rules/procedures.js';
import type { Relation } from '../dossier/states.js';

export interface DossierParties {
  id: string;
  procedure: Procedure;
  region: string | null;
  applicantOrganisationId: string;
  visaPost: string | undefined;
  municipality: string | undefined;
}

/** Employers whose dossiers this mandatary may act on now: all of them, or listed ones. */
export async function activeMandates(
  db: Queryable,
  mandataryId: string,
  now: Date,
): Promise<{ employerId: string; dossierId: string | null }[]> {
  const rows = await db
    .selectFrom('mandate')
    .select(['employer_organisation_id', 'dossier_id'])
    .where('mandatary_organisation_id', '=', mandataryId)
    .where('revoked_at', 'is', null)
    .where('valid_from', '<=', now)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', now)]))
    .execute();
  return rows.map((r) => ({ employerId: r.employer_organisation_id, dossierId: r.dossier_id }));
}

/**
 * How the caller's organisation stands to a dossier (access.md, "Relations"). An organisation
 * may hold none; the gate then answers 404.
 */
export function relationsOf(
  actor: Actor,
  dossier: DossierParties,
  mandates: readonly { employerId: string; dossierId: string | null }[],
): Relation[] {
  const org = actor.organisation;
  // A data protection officer supervises; acting as DPO gives no reading of content at all.
  if (actor.roles.includes('dpo'))
    return org.kind === 'dvz' || org.kind === 'regional_authority' ? ['dpo'] : [];
  const relations: Relation[] = [];
  switch (org.kind) {
    case 'employer':
      if (dossier.applicantOrganisationId === org.id) relations.push('applicant');
      break;
    case 'self_employed':
      // A self-employed person files about themselves: applicant and subject at once (Art. 24).
      if (dossier.applicantOrganisationId === org.id) relations.push('applicant', 'subject');
      break;
    case 'mandatary':
      if (
        mandates.some(
          (m) =>
            m.employerId === dossier.applicantOrganisationId &&
            (m.dossierId === null || m.dossierId === dossier.id),
        )
      ) {
        relations.push('applicant');
      }
      break;
    case 'regional_authority':
      // Another region's reading for mutual recognition (Art. 26) needs a stated purpose and a
      // dossier of its own for the same person; until that check exists it is not granted.
      if (dossier.region !== null && dossier.region === org.region) relations.push('competent_region');
      break;
    case 'dvz':
      relations.push('dvz');
      break;
    case 'post':
      if (dossier.visaPost === org.id) relations.push('post');
      break;
    case 'municipality':
      if (dossier.municipality === org.id) relations.push('municipality');
      break;
    case 'business_counter':
      if (dossier.procedure === 'professional_card') relations.push('business_counter');
      break;
    case 'inspection':
      relations.push('inspection');
      break;
    case 'employment_service':
      if (dossier.region !== null && dossier.region === org.region) relations.push('employment_service');
      break;
    case 'onss':
      relations.push('operator');
      break;
    case 'worker':
    case 'inasti':
    case 'management_committee':
      break;
  }
  return relations;
}

import type { Actor } from '../identity/actor.js';
import type { Procedure } from '../contract/procedures.js';
import type { Relation } from '../contract/states.js';
import type { Standing } from './standing.js';

export interface DossierParties {
  id: string;
  procedure: Procedure;
  region: string | null;
  applicantOrganisationId: string;
  visaPost: string | undefined;
  municipality: string | undefined;
  businessCounter: string | undefined;
  /** Identifiers of the worker, to match a mutual-recognition read (Art. 26). */
  keys: readonly string[];
}

/**
 * How the caller's organisation stands to a dossier (access.md, "Relations"). An organisation
 * may hold none; the gate then answers 404.
 */
export function relationsOf(
  actor: Actor,
  dossier: DossierParties,
  standing: Pick<Standing, 'mandates' | 'subjectOf' | 'recognitionKeys'>,
): Relation[] {
  const { mandates } = standing;
  const org = actor.organisation;
  // A data protection officer supervises; acting as DPO gives no reading of content at all.
  if (actor.roles.includes('dpo')) {
    const controls =
      org.kind === 'dvz' || (org.kind === 'regional_authority' && dossier.region === org.region);
    return controls ? ['dpo'] : [];
  }
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
      if (dossier.region !== null && dossier.region === org.region) relations.push('competent_region');
      // Another region reads for mutual recognition (Art. 26) only while it examines a dossier of
      // its own about the same worker, named with the read; never because the employer is shared.
      else if (standing.recognitionKeys && dossier.keys.some((k) => standing.recognitionKeys?.has(k))) {
        relations.push('other_region');
      }
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
      // Only the counter through which the card was applied for (Art. 3), not every counter.
      if (dossier.procedure === 'professional_card' && dossier.businessCounter === org.id)
        relations.push('business_counter');
      break;
    case 'inspection':
      // Within its competence (Art. 25): a regional service its region's dossiers, a federal one all.
      if (org.region === null || dossier.region === org.region) relations.push('inspection');
      break;
    case 'employment_service':
      if (dossier.region !== null && dossier.region === org.region) relations.push('employment_service');
      break;
    case 'onss':
      relations.push('operator');
      break;
    case 'worker':
      if (standing.subjectOf.has(dossier.id)) relations.push('subject');
      break;
    case 'inasti':
    case 'management_committee':
      break;
  }
  return relations;
}

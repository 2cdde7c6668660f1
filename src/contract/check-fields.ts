import type { Procedure } from './procedures.js';
import type { SectionName } from './sections.js';

/** The field of the application an automated check's finding is about, so a screen can show it there. */
export interface CheckConcerns {
  section: SectionName;
  /** The field's path inside the section, as the section schemas name it (`employer.enterpriseNumber`). */
  field: string;
}

/**
 * Which field each automated check judges. Checks about the employer as a whole (its ONSS
 * registration, its declarations) concern the enterprise number they were looked up by.
 */
export function concernsOf(check: string, procedure: Procedure): CheckConcerns | null {
  const enterprise: CheckConcerns =
    procedure === 'professional_card'
      ? { section: 'selfEmployed', field: 'enterpriseNumber' }
      : { section: 'employment', field: 'employer.enterpriseNumber' };
  switch (check) {
    case 'niss_check_digits':
    case 'dimona_worker':
      return { section: 'identity', field: 'niss' };
    case 'enterprise_number_check_digits':
    case 'kbo_enterprise_active':
    case 'onss_employer_registered':
    case 'dimona_employer':
    case 'dmfa_employer':
    case 'inasti_affiliation':
      return enterprise;
    case 'fee_reference_check_digits':
      return { section: 'fee', field: 'structuredReference' };
    case 'dmfa_worker_salary':
      return { section: 'employment', field: 'grossMonthlySalaryCents' };
    case 'limosa_declaration':
      return { section: 'employment', field: 'posting.limosaReference' };
    case 'passport_valid_for_stay':
      return { section: 'residence', field: 'passportExpiry' };
    default:
      return null;
  }
}
